namespace SalesCrm.Application.Metrics.Common;

/// <summary>
/// One slice of a metric request in both forms the stores need: calendar dates in the organisation's zone
/// (for day rollups) and the UTC instants they span (for raw records). Index 0 is always the whole window;
/// indexes 1… are the buckets of a time series, in order.
/// </summary>
public sealed record MetricSpan(int Index, DateOnly From, DateOnly To, DateTimeOffset FromUtc, DateTimeOffset ToUtc);

/// <summary>
/// A metric request made concrete: whose numbers (already checked against the caller's scope), which pipeline,
/// the window in the organisation's zone, and the spans to count — the whole window first, then each bucket.
/// Stores answer once per span; <see cref="Report{T}"/> puts the answers back together.
/// </summary>
public sealed record MetricScope(
    MetricSubject Subject, Guid? PipelineId, MetricWindow Window, TimeZoneInfo Zone, Bucket? Bucket, IReadOnlyList<MetricSpan> Spans)
{
    public MetricSpan Whole => Spans[0];

    public MetricContext Context => new(Window.From, Window.To, Zone.Id, Subject.TeamId, Subject.UserId, PipelineId, Bucket);

    /// <summary>The totals (span 0) and, when a bucket was asked for, one point per bucket — empty buckets from <paramref name="build"/>'s default.</summary>
    public MetricReport<T> Report<T>(Func<MetricSpan, T> build) =>
        new(Context, build(Whole), Bucket is null ? null : Spans.Skip(1).Select(s => new MetricPoint<T>(s.From, s.To, build(s))).ToList());

    public static MetricScope Create(MetricSubject subject, Guid? pipelineId, DateOnly from, DateOnly to, Bucket? bucket, TimeZoneInfo zone)
    {
        var window = MetricWindow.Create(from, to, zone);
        var spans = new List<MetricSpan> { new(0, window.From, window.To, window.FromUtc, window.ToUtc) };
        if (bucket is { } b)
        {
            spans.AddRange(Buckets.Split(window, b, zone).Select((s, i) => new MetricSpan(i + 1, s.From, s.To, s.FromUtc, s.ToUtc)));
        }

        return new MetricScope(subject, pipelineId, window, zone, bucket, spans);
    }
}

/// <summary>What a metric answered for, echoed back so a saved response explains itself.</summary>
public sealed record MetricContext(DateOnly From, DateOnly To, string TimeZone, Guid? TeamId, Guid? UserId, Guid? PipelineId, Bucket? Bucket);

/// <summary>A windowed metric: totals over the whole window and, with <c>bucket</c>, one point per bucket (empty ones included).</summary>
public sealed record MetricReport<T>(MetricContext Context, T Totals, IReadOnlyList<MetricPoint<T>>? Series);

/// <summary>One bucket of a time series: its dates (<c>to</c> exclusive, clipped to the window) and its values.</summary>
public sealed record MetricPoint<T>(DateOnly From, DateOnly To, T Values);
