using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Contacts;

public static class ContactLookup
{
    /// <summary>The live contact, or 404 (missing and deleted look the same).</summary>
    public static async Task<ContactRecord> FindLiveAsync(this IContactStore contacts, Guid id, CancellationToken cancellationToken) =>
        await contacts.FindAsync(id, cancellationToken) is { DeletedAt: null } contact
            ? contact
            : throw new NotFoundException("contact");
}
