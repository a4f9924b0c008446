namespace SalesCrm.Domain.Leads;

/// <summary>Where a lead stands. <see cref="Converted"/> is reached only by converting the lead, and is final.</summary>
public enum LeadStatus
{
    New,
    Working,
    Qualified,
    Disqualified,
    Converted,
}

/// <summary>The wire and storage names of <see cref="LeadStatus"/>, kept in one place.</summary>
public static class LeadStatusNames
{
    public const string New = "new";
    public const string Working = "working";
    public const string Qualified = "qualified";
    public const string Disqualified = "disqualified";
    public const string Converted = "converted";

    public static string ToName(this LeadStatus status) => status switch
    {
        LeadStatus.New => New,
        LeadStatus.Working => Working,
        LeadStatus.Qualified => Qualified,
        LeadStatus.Disqualified => Disqualified,
        LeadStatus.Converted => Converted,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static LeadStatus Parse(string name) => name switch
    {
        New => LeadStatus.New,
        Working => LeadStatus.Working,
        Qualified => LeadStatus.Qualified,
        Disqualified => LeadStatus.Disqualified,
        Converted => LeadStatus.Converted,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown lead status."),
    };
}
