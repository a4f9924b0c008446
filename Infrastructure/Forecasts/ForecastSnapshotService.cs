using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesCrm.Application.Forecasts.Snapshots;

namespace SalesCrm.Infrastructure.Forecasts;

/// <summary>
/// Saves the due forecast snapshots (current month and quarter, every subject) on start and then every 10 minutes, so each
/// period's forecast is saved at its start. <c>Forecasts:Snapshots:Enabled</c> turns it off; it is off by default in the
/// <c>Testing</c> environment, where tests call <see cref="ForecastSnapshotter"/> themselves.
/// </summary>
public sealed class ForecastSnapshotService(
    ForecastSnapshotter snapshotter, TimeProvider clock, IConfiguration configuration, IHostEnvironment environment,
    ILogger<ForecastSnapshotService> logger) : BackgroundService
{
    public const string EnabledSetting = "Forecasts:Snapshots:Enabled";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    public bool Enabled => configuration.GetValue<bool?>(EnabledSetting) ?? !environment.IsEnvironment("Testing");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var run = await snapshotter.SnapshotDueAsync(clock.GetUtcNow(), null, null, cancellationToken);
            if (run.Saved > 0)
            {
                logger.LogInformation("Saved {Saved} forecast snapshots for {Subjects} subjects", run.Saved, run.Subjects);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Saving the due forecast snapshots failed; the next run retries");
        }
    }
}
