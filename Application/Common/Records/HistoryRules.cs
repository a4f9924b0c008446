using FluentValidation;

namespace SalesCrm.Application.Common.Records;

/// <summary>
/// History import: records accept the time they happened (<c>occurredAt</c>, default now) but never a future one.
/// Timestamps are kept to the millisecond, the precision both databases store.
/// </summary>
public static class HistoryRules
{
    /// <summary>How far ahead of the server clock a client clock may run before a time counts as "in the future".</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);

    public static IRuleBuilderOptions<T, DateTimeOffset?> NotInFuture<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock) =>
        rule.Must(at => at is null || at <= clock.GetUtcNow() + ClockTolerance)
            .WithMessage("{PropertyName} must not be in the future.");

    public static DateTimeOffset Now(this TimeProvider clock) => Truncate(clock.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    public static DateTimeOffset OccurredOrNow(this TimeProvider clock, DateTimeOffset? occurredAt) =>
        occurredAt is { } at ? Truncate(at) : clock.Now();
}
