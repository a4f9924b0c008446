using System.Globalization;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.Opportunities.ListOpportunities;

/// <summary>The keyset cursor of an opportunity list: the last row's sort value (per sort order) and id.</summary>
public static class OpportunityCursor
{
    /// <summary>Where the next page starts; only the member of the list's sort order is set.</summary>
    public sealed record Position(Guid Id, DateTimeOffset? CreatedAt, decimal? Amount, DateOnly? CloseDate);

    /// <summary>Undated deals sort after every dated one when ordering by expected close date.</summary>
    public static readonly DateOnly NoCloseDate = new(9999, 12, 31);

    public static string Encode(OpportunityDto last, OpportunitySort sort) => KeysetCursor.Encode(
        sort switch
        {
            OpportunitySort.Amount => last.Amount.ToString(CultureInfo.InvariantCulture),
            OpportunitySort.Closing => (last.ExpectedCloseDate ?? NoCloseDate).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => last.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        },
        last.Id);

    public static Position? Decode(string? cursor, OpportunitySort sort)
    {
        if (KeysetCursor.Decode(cursor) is not var (key, id))
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        return sort switch
        {
            OpportunitySort.Amount when decimal.TryParse(key, NumberStyles.Number, inv, out var amount) => new Position(id, null, amount, null),
            OpportunitySort.Closing when DateOnly.TryParseExact(key, "yyyy-MM-dd", inv, DateTimeStyles.None, out var date) => new Position(id, null, null, date),
            OpportunitySort.Newest when long.TryParse(key, NumberStyles.None, inv, out var ms) => new Position(id, DateTimeOffset.FromUnixTimeMilliseconds(ms), null, null),
            _ => throw RequestValidationException.For("cursor", "The cursor belongs to a list with another sort order."),
        };
    }
}
