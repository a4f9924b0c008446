namespace SalesCrm.Application.LeadScoring;

public interface ILeadScoringStore
{
    Task<IReadOnlyList<ScoringRuleDto>> ListRulesAsync(CancellationToken cancellationToken);

    Task<ScoringRuleDto?> FindRuleAsync(string type, CancellationToken cancellationToken);

    /// <summary>409 on <c>type</c> when a rule for the type exists.</summary>
    Task InsertRuleAsync(ScoringRuleDto rule, CancellationToken cancellationToken);

    Task<bool> UpdateRuleAsync(string type, int points, int expectedVersion, DateTimeOffset at, CancellationToken cancellationToken);

    Task<bool> DeleteRuleAsync(string type, CancellationToken cancellationToken);

    Task<ScoringSettingsDto> SettingsAsync(CancellationToken cancellationToken);

    Task<bool> UpdateSettingsAsync(ScoringSettingsDto settings, int expectedVersion, CancellationToken cancellationToken);

    Task<LeadScoreEventDto?> FindEventByExternalIdAsync(string externalSource, string externalId, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: adds the points to the live lead's score, stores the event, and when an event adding points leaves
    /// a never-qualified lead at or above the threshold (it crossed it, or the threshold was lowered below its score), marks
    /// it sales-qualified at the event's time and assigns it by the organisation's rule. Null when the event's externalId was
    /// taken by a concurrent insert; 404 when the lead is gone.
    /// </summary>
    Task<LeadScoreOutcome?> TryRecordAsync(LeadScoreEventRecord scoreEvent, CancellationToken cancellationToken);

    /// <summary>The lead's events, oldest first.</summary>
    Task<IReadOnlyList<LeadScoreEventDto>> ListEventsAsync(Guid leadId, CancellationToken cancellationToken);
}
