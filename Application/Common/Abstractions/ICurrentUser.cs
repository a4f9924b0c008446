using SalesCrm.Domain.People;

namespace SalesCrm.Application.Common.Abstractions;

/// <summary>Who is calling: a person (with a role and maybe a team) or an integration client (with scopes).</summary>
public interface ICurrentUser
{
    /// <summary>The person's user id, or the integration client's record id.</summary>
    Guid Id { get; }

    bool IsIntegrationClient { get; }

    /// <summary>The person's role; integration clients have none.</summary>
    Role? Role { get; }

    Guid? TeamId { get; }

    IReadOnlyCollection<string> Scopes { get; }
}
