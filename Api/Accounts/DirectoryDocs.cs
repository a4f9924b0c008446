using SalesCrm.Api.Common;

namespace SalesCrm.Api.Accounts;

/// <summary>The rules shared by the account and contact endpoints, written once for their OpenAPI descriptions and routes.</summary>
public static class DirectoryDocs
{
    public const string Read =
        "The directory is shared: every signed-in person (any role) reads every account and contact; integrations need "
        + "`directory:read` or `opportunities:write`.";

    public const string Write =
        "Only the owner, the manager of the owner's team, admins and integrations with `opportunities:write` may change it; "
        + "anyone else gets 403 (the record is visible to them, so it is not hidden behind a 404).";

    public const string Create =
        "The owner defaults to the caller; people may only name themselves (managers: anyone in their team), and integrations "
        + "(`opportunities:write`) must name an active `ownerId`. `occurredAt` (default now, never in the future) records "
        + "when it was really created, for imports; it becomes `createdAt`. `externalId` (up to 200 characters) is unique "
        + "per caller: a create repeating a known `externalId` returns the existing record with 200 and changes nothing "
        + "(if that record was deleted, 409). A new record answers 201 with `Location` and `ETag`. Lengths: names, domain, "
        + "industry, title and source up to 200 characters, email up to 254, phone up to 50.";

    public const string IfMatch =
        "Requires `If-Match` with the record's ETag: 428 without it, 412 when it is stale (nothing changes).";

    public const string Reassign =
        "Sets a new owner (body `ownerId`, an active user). Managers (for records their team owns, to people of their team), "
        + "admins and integrations with `opportunities:write`; reps get 403, as does a manager for another team's record. "
        + "An owner outside the caller's scope is a 400 on `ownerId`.";

    public const string Delete =
        "Soft delete: the record is kept with who deleted it and when, drops out of lists and metrics, and answers 404 from "
        + "then on; an admin or the owner's manager can restore it. Allowed to whoever may change the record (403 otherwise).";

    public const string Restore =
        "Brings a deleted record back (200 with the record). Admins, and managers for records owned in their team; reps and "
        + "integrations get 403. Restoring a record that is not deleted returns it unchanged.";

    /// <summary>The owner route of a directory record: If-Match guarded, for writers, documented with <see cref="Reassign"/>.</summary>
    public static RouteHandlerBuilder DirectoryReassign(this RouteHandlerBuilder builder, string summary) =>
        builder.RequiresIfMatch().RequireAuthorization(Policies.OpportunityWriter).DocReassign(summary, Reassign + " " + IfMatch);

    /// <summary>The delete route of a directory record, for writers; <paramref name="consequences"/> adds what the delete leaves alone.</summary>
    public static RouteHandlerBuilder DirectoryDelete(this RouteHandlerBuilder builder, string summary, string? consequences = null) =>
        builder.RequireAuthorization(Policies.OpportunityWriter).DocDeleteOrRestore(summary, consequences is null ? Delete : Delete + " " + consequences);

    public static RouteHandlerBuilder DirectoryRestore(this RouteHandlerBuilder builder, string summary) =>
        builder.RequireAuthorization(Policies.OpportunityWriter).DocDeleteOrRestore(summary, Restore);
}
