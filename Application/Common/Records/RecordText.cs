namespace SalesCrm.Application.Common.Records;

/// <summary>Free-text fields are stored trimmed; an optional one left blank is stored as absent.</summary>
public static class RecordText
{
    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
