namespace SalesCrm.Domain.Leads;

/// <summary>The rules that keep a lead meaningful, whoever changes it.</summary>
public static class LeadRules
{
    /// <summary>A disqualified lead says why; no other status carries a reason.</summary>
    public static bool NeedsReason(LeadStatus status) => status == LeadStatus.Disqualified;

    /// <summary>Conversion happens once, and never to a lead that was ruled out.</summary>
    public static bool CanConvert(LeadStatus status) => status is not (LeadStatus.Converted or LeadStatus.Disqualified);

    /// <summary>The status can be set by an edit: anything but <see cref="LeadStatus.Converted"/>, which only conversion sets.</summary>
    public static bool IsSettable(LeadStatus status) => status != LeadStatus.Converted;

    /// <summary>
    /// The contact a lead becomes: "Ada King Lovelace" → ("Ada King", "Lovelace"). A one-word name cannot be split
    /// (null), so the converter must name the contact.
    /// </summary>
    public static (string FirstName, string LastName)? SplitName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space <= 0 ? null : (trimmed[..space].TrimEnd(), trimmed[(space + 1)..]);
    }
}
