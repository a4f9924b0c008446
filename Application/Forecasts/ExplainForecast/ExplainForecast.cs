using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Validation;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts.ExplainForecast;

/// <summary>The deals one forecast method counted for a period, with the probability it gave each (<see cref="ForecastExplain"/>).</summary>
public sealed record ExplainForecastQuery(
    ForecastMethod Method, ForecastPeriod Period, DateOnly Start, Guid? TeamId = null, Guid? UserId = null, Guid? PipelineId = null,
    int? Limit = null, string? Cursor = null)
    : IQuery<Page<MetricRecord>>, IExplainQuery<ForecastMethod>, IForecastPeriodQuery
{
    public ForecastMethod Figure => Method;

    public DateOnly From => Start;

    public DateOnly To => ForecastPeriods.EndOf(Period, Start);

    public Bucket? Bucket => null;
}

public sealed class ExplainForecastQueryHandler(MetricScopes scopes, ForecastCalculator calculator, TimeProvider clock)
    : IQueryHandler<ExplainForecastQuery, Page<MetricRecord>>
{
    public async ValueTask<Page<MetricRecord>> Handle(ExplainForecastQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var now = clock.GetUtcNow();
        ForecastPeriodRules.EnsureForecastable(query.Period, query.Start, scope.Zone, now);
        var paging = ExplainPaging.Request(scope, query);
        var request = new ForecastRequest(scope.Subject, scope.PipelineId, query.Period, query.Start, scope.Zone, now, HistoricalInputs.Defaults);
        return ForecastExplain.Page(query.Method, request, await calculator.DealsAsync(request, query.Method, paging.After, paging.Limit + 1, cancellationToken), paging.Limit, paging.After);
    }
}

public sealed class ExplainForecastQueryValidator : AbstractValidator<ExplainForecastQuery>
{
    public ExplainForecastQueryValidator()
    {
        this.AddPeriodRules();
        RuleFor(x => x.Method).IsInEnum();
        this.AddPageRules();
    }
}
