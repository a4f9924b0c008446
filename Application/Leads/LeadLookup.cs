using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Leads;

public static class LeadLookup
{
    /// <summary>The lead when it is in the caller's scope (and live, unless <paramref name="includeDeleted"/>); 404 otherwise.</summary>
    public static async Task<LeadRecord> FindInScopeAsync(
        this ILeadStore leads, ICurrentUser caller, Guid id, CancellationToken cancellationToken, bool includeDeleted = false)
    {
        var lead = await leads.FindAsync(id, cancellationToken);
        return lead is not null
            && (includeDeleted || lead.DeletedAt is null)
            && OwnerScope.For(caller).Covers(lead.OwnerId, lead.OwnerTeamId)
            ? lead
            : throw new NotFoundException("lead");
    }
}
