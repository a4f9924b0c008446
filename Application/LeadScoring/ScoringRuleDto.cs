namespace SalesCrm.Application.LeadScoring;

/// <summary>An organisation rule: each event of <see cref="Type"/> recorded while it is in force adds <see cref="Points"/> to the lead's score.</summary>
public sealed record ScoringRuleDto(string Type, int Points, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version)
    : Common.Records.IVersioned;
