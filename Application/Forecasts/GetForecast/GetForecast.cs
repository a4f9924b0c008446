using FluentValidation;
using Mediator;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts.GetForecast;

/// <summary>The stage-weighted, cycle-age and historical forecasts of the current or a future month or quarter, side by side.</summary>
public sealed record GetForecastQuery(
    ForecastPeriod Period, DateOnly Start, HistoricalInputs Inputs, Guid? TeamId = null, Guid? UserId = null, Guid? PipelineId = null)
    : IQuery<ForecastReport>, IPipelineMetricQuery, IForecastPeriodQuery
{
    public DateOnly From => Start;

    public DateOnly To => ForecastPeriods.EndOf(Period, Start);

    public Bucket? Bucket => null;
}

public sealed class GetForecastQueryHandler(MetricScopes scopes, ForecastCalculator calculator, TimeProvider clock)
    : IQueryHandler<GetForecastQuery, ForecastReport>
{
    public async ValueTask<ForecastReport> Handle(GetForecastQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var now = clock.GetUtcNow();
        ForecastPeriodRules.EnsureForecastable(query.Period, query.Start, scope.Zone, now);
        return await calculator.ReportAsync(
            new ForecastRequest(scope.Subject, scope.PipelineId, query.Period, query.Start, scope.Zone, now, query.Inputs), cancellationToken);
    }
}

public sealed class GetForecastQueryValidator : AbstractValidator<GetForecastQuery>
{
    public GetForecastQueryValidator()
    {
        this.AddPeriodRules();
        this.AddHistoricalRules(x => x.Inputs);
    }
}
