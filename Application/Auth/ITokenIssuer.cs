namespace SalesCrm.Application.Auth;

/// <summary>Signs short-lived access tokens.</summary>
public interface ITokenIssuer
{
    AccessToken IssueForUser(Guid userId, string email);

    AccessToken IssueForClient(Guid clientRecordId, string clientId, IReadOnlyCollection<string> scopes);
}

public sealed record AccessToken(string Token, int ExpiresInSeconds);
