using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SalesCrm.Benchmarks;

/// <summary>
/// Recording throughput and latency, measured against the real API over HTTP with a real token.
/// <code>dotnet run -c Release -p:SkipSpaBuild=true --project tests/SalesCrm.Benchmarks -- recording [--duration 15] [--warmup 3] [--connections 32] [--batch-connections 4] [--batch-size 1000]</code>
/// </summary>
public static class BenchmarkProgram
{
    private const string Password = "Benchmark-Person-1";

    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == "metrics")
        {
            try
            {
                return await MetricsBenchmark.RunAsync(args[1..]);
            }
            catch (BenchmarkRefusedException refused)
            {
                Console.Error.WriteLine(refused.Message);
                return 2;
            }
        }

        var options = Options.Parse(args);
        if (options.Scenario is not ("recording" or "calls" or "baseline" or "batch"))
        {
            Console.Error.WriteLine("usage: recording|calls|baseline|batch [--duration s] [--warmup s] [--connections n] [--batch-connections n] [--batch-size n]");
            return 2;
        }

        await using var host = new BenchmarkHost();
        host.StartServer();
        Console.WriteLine($"API on {host.BaseAddress} (database {host.DatabasePath})");

        using var setup = LoadGenerator.Client(host.BaseAddress, 4);
        var (token, accountId) = await PrepareAsync(setup);
        var callBody = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            direction = "outbound",
            outcome = "connected",
            durationSeconds = 185,
            notes = "Walked through pricing; follow up next week.",
            accountId,
        }));
        var batchBody = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            items = Enumerable.Range(0, options.BatchSize).Select(i => new
            {
                type = "call",
                direction = i % 3 == 0 ? "inbound" : "outbound",
                outcome = i % 4 == 0 ? "no_answer" : "connected",
                durationSeconds = 30 + i % 600,
                notes = "Imported from the dialer.",
                accountId,
            }),
        }));

        var results = new List<LoadResult>();
        using var client = LoadGenerator.Client(host.BaseAddress, Math.Max(options.Connections, options.BatchConnections));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (options.Scenario is "recording" or "calls")
        {
            results.Add(await Measure("POST /api/v1/activities/calls (SalesCrm, group commit)", client, "/api/v1/activities/calls", callBody, 1, options.Connections, options));
        }

        if (options.Scenario is "recording" or "baseline")
        {
            results.Add(await Measure("Baseline: one Dapper INSERT per request", client, BaselineEndpoint.Path, callBody, 1, options.Connections, options));
        }

        if (options.Scenario is "recording" or "batch")
        {
            results.Add(await Measure($"POST /api/v1/activities/batch ({options.BatchSize:N0} calls per request)", client, "/api/v1/activities/batch", batchBody, options.BatchSize, options.BatchConnections, options));
        }

        var stored = (long)(await host.ScalarAsync("SELECT COUNT(*) FROM activities"))!;
        Print(results, options, stored);
        return results.All(r => r.Errors == 0) ? 0 : 1;
    }

    private static async Task<LoadResult> Measure(
        string name, HttpClient client, string path, byte[] body, int activitiesPerRequest, int connections, Options options)
    {
        Console.WriteLine($"Running {name}: {connections} connections, {options.WarmUp.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s measured…");
        var result = await LoadGenerator.RunAsync(name, client, () => new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        }, activitiesPerRequest, connections, options.WarmUp, options.Duration);
        Console.WriteLine(FormattableString.Invariant(
            $"  {result.RequestsPerSecond:N0} requests/s, {result.ActivitiesPerSecond:N0} activities/s, p50 {result.Percentile(50):0.00} ms, p95 {result.Percentile(95):0.00} ms, p99 {result.Percentile(99):0.00} ms, CPU {result.CpuMicrosecondsPerRequest:N0} µs/request, errors {result.Errors}"));
        return result;
    }

    /// <summary>Signs in for real: the bootstrap admin creates a team and a rep, the rep signs in; one account to link calls to.</summary>
    private static async Task<(string Token, Guid AccountId)> PrepareAsync(HttpClient client)
    {
        var admin = await SignInAsync(client, BenchmarkHost.AdminEmail, BenchmarkHost.AdminPassword);
        var team = await SendAsync(client, admin, "/api/v1/teams", new { name = "Benchmark team" });
        var email = "rep@benchmark.example.com";
        await SendAsync(client, admin, "/api/v1/users", new { email, displayName = "Benchmark Rep", role = "rep", teamId = team.GetProperty("id").GetGuid(), password = Password });
        var rep = await SignInAsync(client, email, Password);
        var accountId = await CreateAccountAsync(client, rep);

        using var probe = new HttpRequestMessage(HttpMethod.Post, "/api/v1/activities/calls")
        {
            Content = JsonContent.Create(new { direction = "outbound", outcome = "busy", durationSeconds = 0, accountId }),
        };
        probe.Headers.Authorization = new AuthenticationHeaderValue("Bearer", rep);
        using var response = await client.SendAsync(probe);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Logging a call answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (rep, accountId);
    }

    /// <summary>The account the benchmark rep logs calls against, created through the API.</summary>
    private static async Task<Guid> CreateAccountAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts") { Content = JsonContent.Create(new { name = "Benchmark Account Ltd" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        throw new InvalidOperationException($"Creating an account answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    internal static async Task<string> SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, string token, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void Print(List<LoadResult> results, Options options, long stored)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(invariant, $"Date (UTC): {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm}");
        text.AppendLine(invariant, $"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        text.AppendLine(invariant, $"Load: closed loop over HTTP/1.1 keep-alive on 127.0.0.1, same process as the API; {options.WarmUp.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured; SQLite (WAL) in a temp folder.");
        text.AppendLine();
        text.AppendLine("| scenario | connections | requests/s | activities/s | p50 ms | p95 ms | p99 ms | CPU µs/request | errors |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(invariant,
                $"| {r.Name} | {r.Connections} | {r.RequestsPerSecond:N0} | {r.ActivitiesPerSecond:N0} | {r.Percentile(50):0.00} | {r.Percentile(95):0.00} | {r.Percentile(99):0.00} | {r.CpuMicrosecondsPerRequest:N0} | {r.Errors} |");
        }

        text.AppendLine();
        text.AppendLine(invariant, $"Activities in the database afterwards (warm-up included): {stored:N0}.");
        Console.WriteLine(text.ToString());
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    private sealed record Options(string Scenario, TimeSpan Duration, TimeSpan WarmUp, int Connections, int BatchConnections, int BatchSize)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            int Number(string name, int fallback) => int.TryParse(Value(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
            return new Options(
                args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "recording",
                TimeSpan.FromSeconds(Number("--duration", 15)),
                TimeSpan.FromSeconds(Number("--warmup", 10)),
                Number("--connections", 32),
                Number("--batch-connections", 4),
                Math.Min(Number("--batch-size", 1000), 1000));
        }
    }
}

/// <summary>A bad option, or a database the run cannot use: the reason is printed, without a stack trace, and the run exits with 2.</summary>
public sealed class BenchmarkRefusedException(string message) : Exception(message);
