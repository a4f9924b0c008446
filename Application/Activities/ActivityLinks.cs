using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Activities;

/// <summary>
/// Which records an activity may link to: any live account or contact (the shared directory), and live leads and
/// opportunities inside the caller's scope — the rule <see cref="RecordLinks"/> applies, in a form the activity writer
/// can evaluate inside its transaction. Unknown and out-of-scope ids get the same message.
/// </summary>
public static class ActivityLinks
{
    public static bool IsLinkable(RecordKind kind, RecordOwner? owner, OwnerScope scope) =>
        owner is not null
        && (kind is RecordKind.Account or RecordKind.Contact || scope.Covers(owner.OwnerId, owner.OwnerTeamId));

    public static string NotVisible(RecordKind kind) => $"No {kind.ToString().ToLowerInvariant()} with this id is visible to you.";

    public static IEnumerable<(RecordKind Kind, Guid Id, string Field)> Of(NewActivity activity)
    {
        if (activity.LeadId is { } lead)
        {
            yield return (RecordKind.Lead, lead, "leadId");
        }

        if (activity.ContactId is { } contact)
        {
            yield return (RecordKind.Contact, contact, "contactId");
        }

        if (activity.AccountId is { } account)
        {
            yield return (RecordKind.Account, account, "accountId");
        }

        if (activity.OpportunityId is { } opportunity)
        {
            yield return (RecordKind.Opportunity, opportunity, "opportunityId");
        }
    }
}
