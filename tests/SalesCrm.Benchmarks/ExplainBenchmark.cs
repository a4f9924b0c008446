using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Benchmarks;

/// <summary>
/// <c>metrics --explain</c>: every explain page (<see cref="ExplainCases"/>) timed over HTTP, the first page and the page after
/// the first 200 records side by side (interleaved), 50 records a page; with <c>--explain-window history</c>, the windowed
/// figures' pages over three years (a window of the longest history the profiles generate) instead of the quarter.
/// </summary>
internal static class ExplainBenchmark
{
    public static async Task<int> RunAsync(MetricsBenchmark.MeasuredOrganisation organisation, MetricWindow quarter, bool history, string[] only, int requests)
    {
        var cases = await organisation.ExplainCasesAsync(quarter, history, only);
        Console.WriteLine($"Explain pages: {cases.Count} cases{(history ? ", windowed figures over the three years up to the quarter's end" : "")}, {requests} requests each after {MetricsBenchmark.WarmupCalls} warm-up calls, 50 records a page.");
        Console.WriteLine();
        Console.WriteLine("| explain | figure | subject | first page p50 ms | p95 ms | after 200 records p50 ms | p95 ms | p95 target ms |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|");
        var failures = 0;
        foreach (var measured in cases)
        {
            var cursor = await organisation.CursorAfterAsync(measured.Path, 200);
            var runs = new List<Func<Task>> { organisation.Request(measured.Path) };
            if (cursor is not null)
            {
                runs.Add(organisation.Request($"{measured.Path}&cursor={Uri.EscapeDataString(cursor)}"));
            }

            var times = await MetricsBenchmark.TimeInterleavedAsync(requests, runs);
            var worst = times.Max(t => t.P95);
            failures += worst > measured.TargetMs ? 1 : 0;
            var later = cursor is null ? "– | –" : FormattableString.Invariant($"{times[1].P50:0.00} | {times[1].P95:0.00}");
            Console.WriteLine(FormattableString.Invariant(
                $"| {measured.Name} | {measured.Figure} | {measured.Subject} | {times[0].P50:0.00} | {times[0].P95:0.00} | {later} | {measured.TargetMs:0} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"{cases.Count - failures} of {cases.Count} explain cases within the p95 target (a page 100 ms, a page as of a past time 500 ms).");
        return 0;
    }
}
