using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCrm.Api.Tests.Infrastructure;

namespace SalesCrm.Api.Tests.Surveys;

/// <summary>
/// The API with a clock the test can move forward, so a survey answered while open can then be read closed. Move it only
/// after every client has signed in; tokens stay those issued at the real time. Every log line (debug and up, ASP.NET
/// Core's request logging included) is kept in <see cref="Logs"/> so a test can check what was written.
/// </summary>
public sealed class SurveyClockFactory : ApiFactory
{
    public ShiftedClock Clock { get; } = new();

    /// <summary>Today in the organisation's zone (UTC in these tests) by the API's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ILoggerProvider>(Logs);
    }

    public sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }

    public sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}
