using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Application.Metrics.Activity;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Pipeline;
using SalesCrm.Infrastructure.Demo;

namespace SalesCrm.Benchmarks;

/// <summary>
/// Metric latency on a generated organisation, each endpoint over HTTP (real token, real pipeline) beside the same
/// figures read straight from its store (the Dapper SQL alone) in the same run, sequential requests, p50/p95.
/// <code>dotnet run -c Release -p:SkipSpaBuild=true --project tests/SalesCrm.Benchmarks -- metrics [--profile medium|large|recent] [--requests 60] [--data dir] [--generate-only] [--only prefixes] [--compare dir] [--warmup 30]</code>
/// The history is generated once per profile into <c>--data</c> (default: the temp folder) and reused by later runs.
/// <c>--compare</c> serves a second, already generated organisation beside it and times every case on both, interleaved
/// round by round with the first, so their ratio is measured side by side in one run.
/// </summary>
public static class MetricsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var profileName = Arg(args, "--profile", "medium");
        var requests = int.Parse(Arg(args, "--requests", "60"), CultureInfo.InvariantCulture);
        WarmupCalls = int.Parse(Arg(args, "--warmup", "30"), CultureInfo.InvariantCulture);
        var data = Arg(args, "--data", Path.Combine(Path.GetTempPath(), $"salescrm-metrics-{profileName}"));
        if (args.Contains("--explain-window") && !args.Contains("--explain"))
        {
            throw new BenchmarkRefusedException("--explain-window chooses the explain pages' window: it goes with --explain.");
        }

        var explainHistory = Arg(args, "--explain-window", "quarter") switch
        {
            "quarter" => false,
            "history" => true,
            var value => throw new BenchmarkRefusedException($"--explain-window is quarter or history, not {value}."),
        };
        await using var main = await MeasuredOrganisation.StartAsync(data, GeneratorProfile.Named(profileName));
        if (args.Contains("--generate-only"))
        {
            return 0;
        }

        var compareData = Arg(args, "--compare", "");
        await using var other = compareData.Length == 0 ? null : await MeasuredOrganisation.StartAsync(compareData, profile: null);
        var quarter = LastFullQuarter(main.GeneratedAt);
        var only = Arg(args, "--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (args.Contains("--explain"))
        {
            return await ExplainBenchmark.RunAsync(main, quarter, explainHistory, only, requests);
        }

        var cases = main.Cases(quarter, only);
        var otherCases = other?.Cases(quarter, only);
        Console.WriteLine($"Profile {profileName}: {await main.DescribeAsync()}; quarter {quarter.From:yyyy-MM-dd}..{quarter.To:yyyy-MM-dd}; {requests} requests each after {WarmupCalls} warm-up calls.");
        if (other is not null)
        {
            Console.WriteLine($"Compared with {compareData}: {await other.DescribeAsync()}; the same cases, timed interleaved with them in this run.");
        }

        var floor = await main.FloorAsync(requests * 5);
        Console.WriteLine(FormattableString.Invariant(
            $"HTTP floor, the cheapest request through the same pipeline (GET /health/live: no token, no database): p50 {floor.P50:0.00} ms, p95 {floor.P95:0.00} ms."));
        Console.WriteLine();
        Console.WriteLine("| endpoint | subject | API p50 ms | API p95 ms | SQL p50 ms | SQL p95 ms | API over SQL (p50) | p95 target ms |"
            + (other is null ? "" : " compared API p50 / p95 ms | compared SQL p50 ms | this over compared (API p50) |"));
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|" + (other is null ? "" : "---:|---:|---:|"));
        var failures = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var measured = cases[i];
            var runs = new List<Func<Task>> { main.Request(measured), measured.Bare };
            if (other is not null)
            {
                runs.Add(other.Request(otherCases![i]));
                runs.Add(otherCases[i].Bare);
            }

            var times = await TimeInterleavedAsync(requests, runs);
            var (api, sql) = (times[0], times[1]);
            failures += api.P95 > measured.TargetMs ? 1 : 0;
            var line = FormattableString.Invariant(
                $"| {measured.Name} | {measured.Subject} | {api.P50:0.00} | {api.P95:0.00} | {sql.P50:0.00} | {sql.P95:0.00} | {(api.P50 / sql.P50 - 1) * 100:0}% | {measured.TargetMs:0} |");
            if (other is not null)
            {
                var (otherApi, otherSql) = (times[2], times[3]);
                line += FormattableString.Invariant($" {otherApi.P50:0.00} / {otherApi.P95:0.00} | {otherSql.P50:0.00} | {(api.P50 / otherApi.P50 - 1) * 100:+0;-0}% |");
            }

            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine($"{cases.Count - failures} of {cases.Count} cases within the p95 target (organisation 50 ms, rep 10 ms, a snapshot as of a past time 500 ms).");
        return 0;
    }

    /// <summary>One generated organisation served by its own API: its signed-in client, its first rep and its cases.</summary>
    internal sealed class MeasuredOrganisation : IAsyncDisposable
    {
        private readonly BenchmarkHost _host;
        private readonly HttpClient _client;
        private readonly Guid _rep;

        private MeasuredOrganisation(BenchmarkHost host, HttpClient client, Guid rep, DateTimeOffset generatedAt)
        {
            _host = host;
            _client = client;
            _rep = rep;
            GeneratedAt = generatedAt;
        }

        public DateTimeOffset GeneratedAt { get; }

        /// <param name="profile">Generates the history when the folder has none; null requires one already there.</param>
        public static async Task<MeasuredOrganisation> StartAsync(string data, GeneratorProfile? profile)
        {
            var host = new BenchmarkHost(data);
            host.StartServer();
            if (profile is null && !File.Exists(Path.Combine(data, "generated.txt")))
            {
                throw new InvalidOperationException($"{data} holds no generated history: run the benchmark with --data {data} --profile <name> first.");
            }

            var generatedAt = await EnsureHistoryAsync(host, profile);
            var client = LoadGenerator.Client(host.BaseAddress, 1);
            var token = await BenchmarkProgram.SignInAsync(client, BenchmarkHost.AdminEmail, BenchmarkHost.AdminPassword);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new MeasuredOrganisation(host, client, await FirstRepAsync(host), generatedAt);
        }

        public List<MetricCase> Cases(MetricWindow quarter, string[] only) =>
            MetricCases.All(_host.Services, quarter, _rep)
                .Where(c => only.Length == 0 || only.Any(o => c.Name.StartsWith(o, StringComparison.OrdinalIgnoreCase)))
                .ToList();

        /// <summary>
        /// The explain pages of every figure for the organisation, the first rep and the rep's team; with
        /// <paramref name="history"/>, only the windowed figures', over the three years up to the quarter's end.
        /// </summary>
        public async Task<List<ExplainCase>> ExplainCasesAsync(MetricWindow quarter, bool history, string[] only)
        {
            var team = Guid.Parse((string)(await _host.ScalarAsync($"SELECT team_id FROM users WHERE id = '{_rep}'"))!);
            var cases = history
                ? ExplainCases.Windowed(MetricWindow.Create(quarter.To.AddYears(-3), quarter.To, TimeZoneInfo.Utc), _rep, team)
                : ExplainCases.All(quarter, _rep, team, await RepQuotaAsync(quarter));
            return cases
                .Where(c => only.Length == 0 || only.Any(o => $"{c.Name} {c.Figure}".StartsWith(o, StringComparison.OrdinalIgnoreCase)))
                .ToList();
        }

        /// <summary>The rep's revenue quota for the quarter, whose drill-down is a case of its own, if the rep has one.</summary>
        private async Task<Guid?> RepQuotaAsync(MetricWindow quarter) =>
            await _host.ScalarAsync(FormattableString.Invariant(
                $"SELECT id FROM quotas WHERE user_id = '{_rep}' AND kind = 'revenue' AND deleted_at IS NULL AND period_start = '{quarter.From:yyyy-MM-dd}' LIMIT 1"))
                is string id ? Guid.Parse(id) : null;

        /// <summary>The cursor after the first <paramref name="records"/> records of an explain, or null when it has no more.</summary>
        public async Task<string?> CursorAfterAsync(string path, int records)
        {
            using var response = await _client.GetAsync(path.Replace("&limit=50", FormattableString.Invariant($"&limit={records}"), StringComparison.Ordinal));
            using var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return page.RootElement.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind == System.Text.Json.JsonValueKind.String
                ? cursor.GetString()
                : null;
        }

        /// <summary>One request of a path over HTTP, its body read whole; anything but 200 stops the run.</summary>
        public Func<Task> Request(string path) => async () =>
        {
            using var response = await _client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            await response.Content.ReadAsByteArrayAsync();
        };

        public async Task<string> DescribeAsync() =>
            $"{await CountAsync(_host, "activities"):N0} activities, {await CountAsync(_host, "opportunities"):N0} opportunities, "
            + $"{await CountAsync(_host, "stage_moves"):N0} stage moves, {await CountAsync(_host, "users"):N0} users";

        /// <summary>What every request pays before any endpoint runs: the client, Kestrel and the middleware, on an anonymous path.</summary>
        public Task<(double P50, double P95)> FloorAsync(int requests) =>
            MetricsBenchmark.TimeAsync(requests, async () =>
            {
                using var response = await _client.GetAsync("/health/live");
                await response.Content.ReadAsByteArrayAsync();
            });

        /// <summary>One request of the case over HTTP, its body read whole.</summary>
        public Func<Task> Request(MetricCase measured) => Request(measured.Path);

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _host.DisposeAsync();
        }
    }

    /// <summary>
    /// Warm-up calls before each measurement (<c>--warmup</c>, default 30), then a pause, so the measured calls run the
    /// steady-state code a server under traffic runs: .NET compiles a method quickly first and recompiles it optimised after
    /// 30 calls, in the background. With 5 warm-up calls the API's own code (handler, calculation, JSON) was still partly
    /// unoptimised while the store code it shares with the bare SQL column was not.
    /// </summary>
    public static int WarmupCalls { get; private set; } = 30;

    /// <summary>Each request waits for the previous one (latency, not throughput).</summary>
    private static async Task<(double P50, double P95)> TimeAsync(int count, Func<Task> run) =>
        (await TimeInterleavedAsync(count, [run]))[0];

    /// <summary>
    /// Times several runs side by side: each warmed up, then round after round one call of each in turn, so the machine's
    /// noise and the runtime's state fall alike on all of them (timed one block after another, a neighbour's burst or a
    /// late recompilation lands on one column only). Each call waits for the previous one (latency, not throughput).
    /// </summary>
    internal static async Task<(double P50, double P95)[]> TimeInterleavedAsync(int count, IReadOnlyList<Func<Task>> runs)
    {
        foreach (var run in runs)
        {
            for (var i = 0; i < WarmupCalls; i++)
            {
                await run();
            }
        }

        await Task.Delay(TimeSpan.FromMilliseconds(250));

        var times = runs.Select(_ => new double[count]).ToArray();
        for (var i = 0; i < count; i++)
        {
            for (var r = 0; r < runs.Count; r++)
            {
                var started = Stopwatch.GetTimestamp();
                await runs[r]();
                times[r][i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        return [.. times.Select(Percentiles)];
    }

    private static (double P50, double P95) Percentiles(double[] times)
    {
        Array.Sort(times);
        return (times[(int)(times.Length * 0.5)], times[Math.Min(times.Length - 1, (int)Math.Ceiling(times.Length * 0.95) - 1)]);
    }

    private static async Task<DateTimeOffset> EnsureHistoryAsync(BenchmarkHost host, GeneratorProfile? profile)
    {
        var marker = Path.Combine(host.DataDirectory, "generated.txt");
        if (File.Exists(marker))
        {
            var generatedAt = DateTimeOffset.Parse(await File.ReadAllTextAsync(marker), CultureInfo.InvariantCulture);
            await AddLaterHistoryAsync(host, profile, generatedAt);
            return generatedAt;
        }

        // A generation stopped half-way leaves a database the generator must not add to: the next run would measure a mix.
        var unfinished = Path.Combine(host.DataDirectory, "generating.txt");
        if (File.Exists(unfinished))
        {
            throw new BenchmarkRefusedException(
                $"The generation into {host.DataDirectory} started {await File.ReadAllTextAsync(unfinished)} did not finish: delete the folder and run again.");
        }

        Console.WriteLine($"Generating the history into {host.DataDirectory} (once per profile)…");
        await File.WriteAllTextAsync(unfinished, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        var started = Stopwatch.GetTimestamp();
        var counts = await host.Services.GetRequiredService<SalesHistoryGenerator>().GenerateAsync(profile!, reps: null, CancellationToken.None);
        Console.WriteLine($"Generated {counts} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s.");
        await host.ScalarAsync("ANALYZE");
        var now = DateTimeOffset.UtcNow;
        await File.WriteAllTextAsync(marker, now.ToString("O", CultureInfo.InvariantCulture));
        await File.WriteAllTextAsync(Path.Combine(host.DataDirectory, "later-history.txt"), now.ToString("O", CultureInfo.InvariantCulture));
        File.Delete(unfinished);
        return now;
    }

    /// <summary>
    /// A history generated by an older build lacks what the generator learnt to write since (time entries, commission plans
    /// and surveys, start dates, lead scores): added once, so every endpoint is measured on data. Needs the profile it was
    /// generated with (<c>--profile</c>).
    /// </summary>
    private static async Task AddLaterHistoryAsync(BenchmarkHost host, GeneratorProfile? profile, DateTimeOffset generatedAt)
    {
        var marker = Path.Combine(host.DataDirectory, "later-history.txt");
        if (File.Exists(marker) || profile is null)
        {
            return;
        }

        Console.WriteLine($"Adding what the generator writes since this history was generated (once) into {host.DataDirectory}…");
        var started = Stopwatch.GetTimestamp();
        await host.Services.GetRequiredService<SalesHistoryGenerator>().AddLaterHistoryAsync(profile, generatedAt, CancellationToken.None);
        await host.ScalarAsync("ANALYZE");
        await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        Console.WriteLine($"Added in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s.");
    }

    private static MetricWindow LastFullQuarter(DateTimeOffset at)
    {
        var date = DateOnly.FromDateTime(at.UtcDateTime);
        var thisQuarter = new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);
        return MetricWindow.Create(thisQuarter.AddMonths(-3), thisQuarter, TimeZoneInfo.Utc);
    }

    private static async Task<Guid> FirstRepAsync(BenchmarkHost host) =>
        Guid.Parse((string)(await host.ScalarAsync("SELECT id FROM users WHERE role = 'rep' ORDER BY email LIMIT 1"))!);

    private static async Task<long> CountAsync(BenchmarkHost host, string table) =>
        (long)(await host.ScalarAsync($"SELECT COUNT(*) FROM {table}"))!;

    private static string Arg(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}

/// <summary>One measured request and its bare store calls; the issue's p95 target: 50 ms for the organisation, 10 ms for a rep, 500 ms for a snapshot as of a past time.</summary>
public sealed record MetricCase(string Name, string Subject, string Path, Func<Task> Bare, bool PastSnapshot = false)
{
    public double TargetMs => PastSnapshot ? 500 : Subject == "rep" ? 10 : 50;
}

/// <summary>The endpoints measured, each for the whole organisation and for one rep, over one quarter.</summary>
public static class MetricCases
{
    public static List<MetricCase> All(IServiceProvider services, MetricWindow quarter, Guid rep)
    {
        var window = $"from={quarter.From:yyyy-MM-dd}&to={quarter.To:yyyy-MM-dd}";
        var activity = services.GetRequiredService<IActivityMetricsStore>();
        var followUps = services.GetRequiredService<Application.Metrics.FollowUps.IFollowUpMetricsStore>();
        var results = services.GetRequiredService<Application.Metrics.Results.IResultMetricsStore>();
        var pipeline = services.GetRequiredService<Application.Metrics.Pipeline.IPipelineMetricsStore>();
        var attainment = services.GetRequiredService<Application.Metrics.Attainment.IAttainmentMetricsStore>();
        var sellingTime = services.GetRequiredService<Application.Metrics.SellingTime.ISellingTimeMetricsStore>();
        var plannerHistory = services.GetRequiredService<Application.Planner.IPlannerHistoryStore>();
        var calendar = services.GetRequiredService<Application.Calendar.ICalendarStore>();
        var month = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
        var leadScoring = services.GetRequiredService<Application.LeadScoring.ILeadScoringMetricsStore>();
        var scoringSettings = services.GetRequiredService<Application.LeadScoring.ILeadScoringStore>();
        var yearAgo = new DateTimeOffset(quarter.From.AddYears(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var quarterStart = quarter.FromUtc;
        var longAgo = new DateTimeOffset(quarter.From.AddMonths(-30).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var forecasts = services.GetRequiredService<Application.Forecasts.ForecastCalculator>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var thisQuarter = Domain.Forecasts.ForecastPeriods.StartHolding(Domain.Forecasts.ForecastPeriod.Quarter, today);
        var cases = new List<MetricCase>();
        foreach (var (subject, query, metricSubject) in Subjects(rep))
        {
            var scope = MetricScope.Create(metricSubject, null, quarter.From, quarter.To, null, TimeZoneInfo.Utc);
            var weekly = MetricScope.Create(metricSubject, null, quarter.From, quarter.To, Bucket.Week, TimeZoneInfo.Utc);
            cases.Add(new("activity", subject, $"/api/v1/metrics/activity?{window}{query}", () => activity.CountAsync(scope, DateTimeOffset.UtcNow, default)));
            cases.Add(new("activity, weekly series", subject, $"/api/v1/metrics/activity?{window}&bucket=week{query}", () => activity.CountAsync(weekly, DateTimeOffset.UtcNow, default)));
            cases.Add(new("activity mix", subject, $"/api/v1/metrics/activity/mix?{window}{query}", () => activity.MixAsync(scope, default)));
            cases.Add(new("follow-up discipline", subject, $"/api/v1/metrics/follow-ups?{window}{query}", () => followUps.ReadAsync(scope, default)));
            cases.Add(new("results", subject, $"/api/v1/metrics/results?{window}{query}", async () =>
            {
                await results.WonDealsAsync(scope, default);
                await results.LostPerSpanAsync(scope, default);
                await results.OpenAtSpanEndsAsync(scope, default);
            }));
            cases.Add(new("lost reasons", subject, $"/api/v1/metrics/results/lost-reasons?{window}{query}", async () =>
            {
                await results.LostReasonsAsync(scope, default);
                await results.LostCompetitorsAsync(scope, default);
            }));
            cases.Add(new("leads", subject, $"/api/v1/metrics/leads?{window}{query}", () => results.LeadsAsync(scope, default)));
            cases.Add(new("lead response time, sales-qualified", subject, $"/api/v1/metrics/lead-scoring/response-time?{window}{query}", () =>
                leadScoring.QualifiedResponsesAsync(scope, default)));
            cases.Add(new("conversion by score band", subject, $"/api/v1/metrics/lead-scoring/score-bands?{window}{query}", async () =>
            {
                await scoringSettings.SettingsAsync(default);
                await leadScoring.ScoreCountsAsync(scope, default);
            }));
            cases.Add(new("pipeline snapshot, now", subject, $"/api/v1/metrics/pipeline?{query.TrimStart('&')}", async () =>
            {
                await pipeline.StagesAsync(null, default);
                await pipeline.OpenPipelineAsync(scope, DateTimeOffset.UtcNow, default);
            }));
            cases.Add(new("pipeline snapshot, a year ago", subject, $"/api/v1/metrics/pipeline?asOf={yearAgo:yyyy-MM-ddTHH:mm:ssZ}{query}", async () =>
            {
                await pipeline.StagesAsync(null, default);
                await pipeline.OpenPipelineAsync(scope, yearAgo, default);
            }, PastSnapshot: true));
            cases.Add(new("pipeline snapshot, 30 months before the quarter", subject, $"/api/v1/metrics/pipeline?asOf={longAgo:yyyy-MM-ddTHH:mm:ssZ}{query}", async () =>
            {
                await pipeline.StagesAsync(null, default);
                await pipeline.OpenPipelineAsync(scope, longAgo, default);
            }, PastSnapshot: true));
            cases.Add(new("pipeline snapshot, start of the quarter", subject, $"/api/v1/metrics/pipeline?asOf={quarterStart:yyyy-MM-ddTHH:mm:ssZ}{query}", async () =>
            {
                await pipeline.StagesAsync(null, default);
                await pipeline.OpenPipelineAsync(scope, quarterStart, default);
            }, PastSnapshot: true));
            cases.Add(new("days in stage", subject, $"/api/v1/metrics/pipeline/days-in-stage?{window}{query}", () => pipeline.ExitsAsync(scope, default)));
            cases.Add(new("stage conversion", subject, $"/api/v1/metrics/pipeline/conversion?{window}{query}", () => pipeline.EntriesAsync(scope, default)));
            cases.Add(new("stale deals", subject, $"/api/v1/metrics/pipeline/stale?limit=50{query}", async () =>
            {
                var stages = await pipeline.StagesAsync(null, default);
                var medians = (await pipeline.MedianExitsAsync(null, default)).ToLookup(e => e.StageId, e => e.Days);
                var limits = stages.Where(s => s.Kind == Domain.Pipelines.StageKind.Open && (s.StaleAfterDays is not null || medians[s.Id].Any()))
                    .Select(s => new StageLimit(s.Id, DateTimeOffset.UtcNow.AddDays(-(s.StaleAfterDays ?? 2 * Ratio.Median(medians[s.Id])!.Value))))
                    .ToList();
                await pipeline.StaleDealsAsync(scope, limits, null, 51, default);
            }));
            cases.Add(new("quota attainment", subject, $"/api/v1/metrics/quota-attainment?{window}{query}", () =>
                Application.Metrics.Attainment.QuotaMeasure.MeasureAsync(attainment, scope, null, null, DateTimeOffset.UtcNow, default)));
            cases.Add(new("three-number funnel", subject, $"/api/v1/metrics/funnel?{window}{query}", async () =>
            {
                await activity.CountLoggedAsync(scope, default);
                await attainment.DealsWonAsync(scope, default);
            }));
            cases.Add(new("selling time", subject, $"/api/v1/metrics/selling-time?{window}{query}", async () =>
            {
                await sellingTime.SellingAsync(scope, DateTimeOffset.UtcNow, default);
                await sellingTime.NonSellingAsync(scope, default);
            }));
            if (subject == "rep")
            {
                cases.Add(new("planner", subject, $"/api/v1/planner?month={month:yyyy-MM}&goalDeals=50&dealsPerOpportunity=0.25&opportunitiesPerMeeting=0.5&meetingsPerCall=0.2{query}", async () =>
                {
                    await plannerHistory.HistoryAsync(rep, month.AddMonths(-6), month, default);
                    await plannerHistory.HistoryAsync(null, month.AddMonths(-6), month, default);
                    await calendar.ListAsync(month, month.AddMonths(1), default);
                }));
            }

            var forecast = new Application.Forecasts.ForecastRequest(
                metricSubject, null, Domain.Forecasts.ForecastPeriod.Quarter, thisQuarter, TimeZoneInfo.Utc, DateTimeOffset.UtcNow,
                Application.Forecasts.HistoricalInputs.Defaults);
            cases.Add(new("forecast, this quarter", subject, $"/api/v1/forecasts?period=quarter&start={thisQuarter:yyyy-MM-dd}{query}", () =>
                forecasts.TotalsAsync(forecast, default)));
            cases.AddRange(PeopleMetricCases.For(services, quarter, subject, query, metricSubject));
            if (subject == "organisation")
            {
                cases.Add(new("leaderboard", subject, $"/api/v1/metrics/leaderboard?{window}", async () =>
                {
                    await attainment.LeaderboardAsync(scope, default);
                    await Application.Metrics.Attainment.QuotaMeasure.MeasureAsync(
                        attainment, scope, null, Domain.Quotas.QuotaKind.Revenue, DateTimeOffset.UtcNow, default);
                }));
            }
        }

        cases.AddRange(CommissionCases(services, quarter, rep));
        return cases;
    }

    /// <summary>A rep's commission statement and the organisation's earnings for the quarter.</summary>
    private static IEnumerable<MetricCase> CommissionCases(IServiceProvider services, MetricWindow quarter, Guid rep)
    {
        var commission = services.GetRequiredService<Application.Commission.ICommissionStore>();
        var period = $"period=quarter&start={quarter.From:yyyy-MM-dd}";
        yield return new("commission statement", "rep", $"/api/v1/commission/statements/{rep}?{period}", async () =>
        {
            await commission.PlanInForceAsync(rep, quarter.From, default);
            await commission.WonDealsAsync(rep, quarter.FromUtc, quarter.ToUtc, default);
        });
        yield return new("commission earnings", "organisation", $"/api/v1/commission/earnings?{period}", () =>
            commission.EarningsAsync(null, Domain.Commission.CommissionPeriod.Quarter, quarter.From, quarter.FromUtc, quarter.ToUtc, default));
    }

    private static IEnumerable<(string Name, string Query, MetricSubject Subject)> Subjects(Guid rep) =>
    [
        ("organisation", "", MetricSubject.Organisation),
        ("rep", $"&userId={rep}", new MetricSubject(null, rep)),
    ];
}
