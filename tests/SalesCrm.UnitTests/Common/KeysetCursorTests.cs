using System.Buffers.Text;
using System.Text;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Paging;

namespace SalesCrm.UnitTests.Common;

public sealed class KeysetCursorTests
{
    private static readonly Guid Id = Guid.Parse("0197a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d");

    [Fact]
    public void An_id_cursor_decodes_to_the_same_id_and_an_empty_sort_key()
    {
        Assert.Equal((string.Empty, Id), KeysetCursor.Decode(KeysetCursor.Encode(Id)));
    }

    [Theory]
    [InlineData("2025-06-02T09:30:15.123Z")]
    [InlineData("a|b|c")]
    [InlineData("Zażółć gęślą jaźń")]
    public void A_sort_key_cursor_decodes_to_the_same_key_and_id(string sortKey)
    {
        Assert.Equal((sortKey, Id), KeysetCursor.Decode(KeysetCursor.Encode(sortKey, Id)));
    }

    [Fact]
    public void A_cursor_is_safe_in_a_query_string()
    {
        var cursor = KeysetCursor.Encode("a key/with+odd=chars?", Id);

        Assert.Equal(Uri.EscapeDataString(cursor), cursor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_cursor_means_the_first_page(string? cursor)
    {
        Assert.Null(KeysetCursor.Decode(cursor));
    }

    [Theory]
    [MemberData(nameof(TamperedCursors))]
    public void A_cursor_this_API_did_not_issue_is_a_validation_error_on_cursor(string cursor)
    {
        var error = Assert.Throws<RequestValidationException>(() => KeysetCursor.Decode(cursor));

        Assert.Equal(["cursor"], error.Errors.Keys);
    }

    public static TheoryData<string> TamperedCursors()
    {
        var genuine = KeysetCursor.Encode(Id);
        return
        [
            "not base64 at all!",
            genuine[..^1],
            genuine[..^4],
            genuine + "x",
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes("no separator")),
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes("key|not-a-guid")),
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"key|{Id:D}")),
        ];
    }
}
