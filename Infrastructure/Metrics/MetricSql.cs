using System.Globalization;
using System.Text.Json;
using Dapper;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// The pieces every metric query shares. A query joins <c>{spans}</c> (the window as span 0, then each bucket) and
/// groups by <c>idx</c>, so one statement answers the totals and the whole time series; <see cref="Subject"/> cuts
/// it to a team or rep. Bind <see cref="Parameters"/>: <c>@Spans</c>, <c>@SubjectUserId</c>, <c>@SubjectTeamId</c>,
/// <c>@PipelineId</c>, <c>@WindowFrom</c>/<c>@WindowTo</c> (UTC), <c>@WindowFromDay</c>/<c>@WindowToDay</c> (local dates), <c>@Now</c>,
/// <c>@OrganisationOwner</c> (the owner of a rollup's organisation rows, see <see cref="RollupOwners"/>).
/// </summary>
public static class MetricSql
{
    /// <summary>The subject filter on an owner column: everyone, one rep, or the current members of one team.</summary>
    public static string Subject(string ownerColumn) =>
        $"(@SubjectUserId IS NULL OR {ownerColumn} = @SubjectUserId) AND (@SubjectTeamId IS NULL OR {ownerColumn} IN (SELECT mu.id FROM users mu WHERE mu.team_id = @SubjectTeamId))";

    /// <summary>
    /// The owner rows of a day rollup that answer for the subject, as an index-friendly <c>IN</c> list: the organisation's
    /// own row (owner <see cref="Guid.Empty"/>, the sum of every owner, kept by triggers on the rollup) for the whole
    /// organisation, else the rep's row or the rows of the team's current members.
    /// </summary>
    public static string RollupOwners(string ownerColumn) => $"""
        {ownerColumn} IN (SELECT @OrganisationOwner WHERE @SubjectUserId IS NULL AND @SubjectTeamId IS NULL
                          UNION ALL SELECT @SubjectUserId WHERE @SubjectUserId IS NOT NULL
                          UNION ALL SELECT ru.id FROM users ru WHERE ru.team_id = @SubjectTeamId)
        """;

    /// <summary>
    /// <see cref="Subject"/> for a rep or a team only, as an <c>IN</c> list SQLite seeks an owner-first index with (the
    /// <c>@SubjectUserId IS NULL OR …</c> form makes it read the whole window of every owner): the rep, or the team's
    /// current members. It matches nothing for the organisation, so a store picks it only when the subject is not.
    /// </summary>
    public static string MemberOwners(string ownerColumn) => $"""
        {ownerColumn} IN (SELECT @SubjectUserId WHERE @SubjectUserId IS NOT NULL
                          UNION ALL SELECT su.id FROM users su WHERE su.team_id = @SubjectTeamId)
        """;

    /// <summary>
    /// The live (not soft-deleted) opportunities <c>o</c> of the pipeline asked for, kept to the owners <paramref name="owners"/>
    /// names (<see cref="Subject"/>, <see cref="MemberOwners"/>), or to none for the organisation's index-ordered read.
    /// </summary>
    public static string LiveDeals(string? owners) =>
        owners is null ? $"o.deleted_at IS NULL AND {Pipeline("o.pipeline_id")}" : $"o.deleted_at IS NULL AND {owners} AND {Pipeline("o.pipeline_id")}";

    /// <summary>The pipeline filter on an opportunity's pipeline column (all pipelines when none was asked for).</summary>
    public static string Pipeline(string pipelineColumn) => $"(@PipelineId IS NULL OR {pipelineColumn} = @PipelineId)";

    /// <summary>
    /// The explain page's keyset as a range on the statement's own time column, so an index on (<paramref name="atColumn"/>, …)
    /// seeks to the cursor instead of reading the window from its start (<c>ExplainPageEnd</c> still pages the rows): from the
    /// cursor's instant (or the window's start on the first page), past the cursor's id at that instant.
    /// </summary>
    public static string ExplainSeek(string atColumn, string idColumn) =>
        $"{atColumn} >= COALESCE(@AfterAt, @WindowFrom) AND (@AfterAt IS NULL OR {atColumn} > @AfterAt OR {idColumn} > @AfterId)";

    public static DynamicParameters Parameters(MetricScope scope, DateTimeOffset now)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Spans", SpansJson(scope.Spans));
        parameters.AddDynamicParams(new
        {
            SubjectUserId = scope.Subject.UserId,
            SubjectTeamId = scope.Subject.TeamId,
            scope.PipelineId,
            WindowFrom = scope.Whole.FromUtc,
            WindowTo = scope.Whole.ToUtc,
            WindowFromDay = scope.Whole.From,
            WindowToDay = scope.Whole.To,
            Now = now,
            OrganisationOwner = Guid.Empty,
        });
        return parameters;
    }

    /// <summary>An instant in the text SQL Server's <c>OPENJSON</c> reads as <c>DATETIMEOFFSET(3)</c> (SQLite reads the Unix ms beside it).</summary>
    public static string IsoInstant(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>A local date in the text both engines read as a date.</summary>
    public static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The spans as JSON: instants both as Unix ms (SQLite's storage form) and ISO text (SQL Server's), dates as ISO dates.</summary>
    public static string SpansJson(IEnumerable<MetricSpan> spans) =>
        JsonSerializer.Serialize(spans.Select(s => new Dictionary<string, object>
        {
            ["i"] = s.Index,
            ["fm"] = s.FromUtc.ToUnixTimeMilliseconds(),
            ["tm"] = s.ToUtc.ToUnixTimeMilliseconds(),
            ["f"] = IsoInstant(s.FromUtc),
            ["t"] = IsoInstant(s.ToUtc),
            ["fd"] = IsoDate(s.From),
            ["td"] = IsoDate(s.To),
        }));

    /// <summary>
    /// Read targets as JSON for a <c>json_each</c> / <c>OPENJSON</c> join: each target's number <c>i</c>, its span's instants
    /// as Unix ms (<c>fm</c>, <c>tm</c>, SQLite's storage form) and ISO text (<c>f</c>, <c>t</c>, SQL Server's), and the
    /// target's own keys (a stage, a whole day or hour holding a middle rank).
    /// </summary>
    public static string SpanTargetsJson(IEnumerable<(int Index, MetricSpan Span, IReadOnlyDictionary<string, object> Keys)> targets) =>
        JsonSerializer.Serialize(targets.Select(t => new Dictionary<string, object>(t.Keys)
        {
            ["i"] = t.Index,
            ["fm"] = t.Span.FromUtc.ToUnixTimeMilliseconds(),
            ["tm"] = t.Span.ToUtc.ToUnixTimeMilliseconds(),
            ["f"] = IsoInstant(t.Span.FromUtc),
            ["t"] = IsoInstant(t.Span.ToUtc),
        }));
}
