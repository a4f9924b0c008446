using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace SalesCrm.Application.Common.Behaviors;

/// <summary>Logs each request's name, outcome and duration, never its body (bodies carry personal data and secrets).</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string RequestName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("{Request} handled in {ElapsedMs:0.0} ms", RequestName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (Exception ex) when (logger.IsEnabled(LogLevel.Information))
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var error = ex.GetType().Name;
            logger.LogInformation("{Request} failed with {Error} after {ElapsedMs:0.0} ms", RequestName, error, elapsedMs);
            throw;
        }
    }
}
