namespace SalesCrm.Domain.LeadScoring;

/// <summary>Who gets a lead when it becomes sales-qualified.</summary>
public enum LeadAssignmentRule
{
    /// <summary>The owner stays.</summary>
    None,

    /// <summary>The next active rep of the configured team, in turn (by user id, after the last one assigned).</summary>
    RoundRobin,

    /// <summary>The configured user, when active.</summary>
    Owner,
}
