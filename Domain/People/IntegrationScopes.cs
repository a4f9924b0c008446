namespace SalesCrm.Domain.People;

/// <summary>The scopes an integration client can be granted; each names the one kind of access it opens.</summary>
public static class IntegrationScopes
{
    public const string ActivitiesWrite = "activities:write";
    public const string OpportunitiesWrite = "opportunities:write";
    public const string MetricsRead = "metrics:read";
    public const string DirectoryRead = "directory:read";

    public static readonly IReadOnlyList<string> All = [ActivitiesWrite, OpportunitiesWrite, MetricsRead, DirectoryRead];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
