using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Common.Records;

/// <summary>
/// Checks the ids a request links to. Accounts and contacts are the shared directory, so any live one may be linked;
/// leads and opportunities must be in the caller's scope. An unknown id and an id outside the scope get the same
/// field error, so a link reveals nothing about records the caller cannot see.
/// </summary>
public sealed class RecordLinks(IRecordVisibility visibility, ICurrentUser caller)
{
    public async Task EnsureLinkableAsync(RecordKind kind, Guid? id, string field, CancellationToken cancellationToken)
    {
        if (id is not { } recordId)
        {
            return;
        }

        var owner = await visibility.FindOwnerAsync(kind, recordId, cancellationToken);
        var shared = kind is RecordKind.Account or RecordKind.Contact;
        if (owner is null || (!shared && !OwnerScope.For(caller).Covers(owner.OwnerId, owner.OwnerTeamId)))
        {
            throw RequestValidationException.For(field, $"No {kind.ToString().ToLowerInvariant()} with this id is visible to you.");
        }
    }

    /// <summary>The record itself, for operations on it by id: missing, deleted or out of scope all answer 404.</summary>
    public async Task<RecordOwner> RequireInScopeAsync(RecordKind kind, Guid id, CancellationToken cancellationToken)
    {
        var owner = await visibility.FindOwnerAsync(kind, id, cancellationToken);
        return owner is not null && OwnerScope.For(caller).Covers(owner.OwnerId, owner.OwnerTeamId)
            ? owner
            : throw new NotFoundException(kind.ToString().ToLowerInvariant());
    }
}
