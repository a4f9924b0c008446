using System.Diagnostics;
using System.Net;

namespace SalesCrm.Benchmarks;

/// <summary>What one scenario measured: completed requests in the measured window and their latencies.</summary>
public sealed record LoadResult(
    string Name, int Connections, long Requests, long Activities, long Errors, TimeSpan Measured, double[] LatenciesMs, TimeSpan CpuTime)
{
    /// <summary>Processor time the whole process (API and load generator) spent per request: a load-independent cost measure.</summary>
    public double CpuMicrosecondsPerRequest => Requests == 0 ? double.NaN : CpuTime.TotalMicroseconds / Requests;

    public double RequestsPerSecond => Requests / Measured.TotalSeconds;

    public double ActivitiesPerSecond => Activities / Measured.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(rank, 0, LatenciesMs.Length - 1)];
    }
}

/// <summary>
/// Closed-loop load: each of <c>connections</c> workers sends a request, waits for the answer, and sends the next,
/// over HTTP/1.1 keep-alive connections (one per worker). Requests started during the warm-up are not counted.
/// </summary>
public static class LoadGenerator
{
    public static HttpClient Client(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = baseAddress,
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<LoadResult> RunAsync(
        string name,
        HttpClient client,
        Func<HttpRequestMessage> request,
        int activitiesPerRequest,
        int connections,
        TimeSpan warmUp,
        TimeSpan duration)
    {
        var process = Process.GetCurrentProcess();
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(64 * 1024);
            long errors = 0;
            while (true)
            {
                var sent = Stopwatch.GetTimestamp();
                if (sent >= stopAt)
                {
                    break;
                }

                using var message = request();
                bool ok;
                try
                {
                    using var response = await client.SendAsync(message);
                    await response.Content.LoadIntoBufferAsync();
                    ok = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                if (sent < measureFrom)
                {
                    continue;
                }

                if (ok)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
                else
                {
                    errors++;
                }
            }

            return (latencies, errors);
        })).ToList();

        var untilMeasured = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom);
        if (untilMeasured > TimeSpan.Zero)
        {
            await Task.Delay(untilMeasured);
        }

        process.Refresh();
        var cpuFrom = process.TotalProcessorTime;
        await Task.Delay(duration);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuFrom;
        var results = await Task.WhenAll(workers);
        var all = results.SelectMany(r => r.latencies).ToArray();
        Array.Sort(all);
        return new LoadResult(name, connections, all.Length, (long)all.Length * activitiesPerRequest, results.Sum(r => r.errors), duration, all, cpu);
    }
}
