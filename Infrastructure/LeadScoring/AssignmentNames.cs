using SalesCrm.Domain.LeadScoring;

namespace SalesCrm.Infrastructure.LeadScoring;

/// <summary>The stored names of the assignment rules: none, round_robin, owner.</summary>
internal static class AssignmentNames
{
    public static string Of(LeadAssignmentRule rule) => rule switch
    {
        LeadAssignmentRule.RoundRobin => "round_robin",
        LeadAssignmentRule.Owner => "owner",
        _ => "none",
    };

    public static LeadAssignmentRule Parse(string name) => name switch
    {
        "round_robin" => LeadAssignmentRule.RoundRobin,
        "owner" => LeadAssignmentRule.Owner,
        _ => LeadAssignmentRule.None,
    };
}
