using SalesCrm.Application.Metrics.Common;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// One metric statement in the two forms its subject needs. For the organisation it reads a window index in order (or the
/// organisation's rollup rows) with no owner filter, or with <see cref="MetricSql.Subject"/>, which passes every owner when
/// no rep or team is asked for. For a rep or a team it names the owners as an <c>IN</c> list
/// (<see cref="MetricSql.MemberOwners"/>), so SQLite seeks an owner-first index per member: the <c>@SubjectUserId IS NULL OR …</c>
/// form of <see cref="MetricSql.Subject"/> would read every owner's rows of the window and keep the members'.
/// (Explain pages merge each member's own page instead where they can: <see cref="MetricStore"/>'s <c>ExplainRecords</c>.)
/// <see cref="For"/> picks the form; declare it as a static field, like <see cref="Sql"/>, so the ScriptDom test parses both.
/// </summary>
public sealed class SubjectSql(Sql organisation, Sql members)
{
    public Sql Organisation { get; } = organisation;

    public Sql Members { get; } = members;

    /// <summary>
    /// Both forms from one statement with an owner filter in it: <paramref name="statement"/> gets <c>null</c> for the
    /// organisation (no owner filter, or one of the statement's own), and the members' <c>IN</c> list on
    /// <paramref name="ownerColumn"/> for a rep or team.
    /// </summary>
    public static SubjectSql Owners(string ownerColumn, Func<string?, Sql> statement) =>
        new(statement(null), statement(MetricSql.MemberOwners(ownerColumn)));

    /// <summary>
    /// Both forms from one statement with an owner filter in it: <paramref name="statement"/> gets
    /// <see cref="MetricSql.Subject"/> on <paramref name="ownerColumn"/> for the organisation (it passes every owner there; these
    /// statements had it before they had a members form, and their organisation plans were measured with it), and the
    /// members' <c>IN</c> list for a rep or team.
    /// </summary>
    public static SubjectSql SubjectOrMembers(string ownerColumn, Func<string, Sql> statement) =>
        new(statement(MetricSql.Subject(ownerColumn)), statement(MetricSql.MemberOwners(ownerColumn)));

    public Sql For(MetricSubject subject) => subject.IsOrganisation ? Organisation : Members;
}
