using FluentValidation;
using Mediator;
using SalesCrm.Domain.Commission;

namespace SalesCrm.Application.Commission.GetStatement;

/// <summary>A rep's commission statement for one month or quarter: only the rep, their manager and admins see it.</summary>
public sealed record GetStatementQuery(Guid UserId, CommissionPeriod? Period, DateOnly? Start) : IQuery<CommissionStatement>, ICommissionPeriodQuery;

public sealed class GetStatementQueryHandler(CommissionAccess access, CommissionWindow windows, ICommissionStore store)
    : IQueryHandler<GetStatementQuery, CommissionStatement>
{
    public async ValueTask<CommissionStatement> Handle(GetStatementQuery query, CancellationToken cancellationToken)
    {
        var rep = await access.RepToReadAsync(query.UserId, cancellationToken);
        var period = query.Period!.Value;
        var window = await windows.ResolveAsync(period, query.Start!.Value, cancellationToken);
        var plan = await store.PlanInForceAsync(rep.UserId, window.From, cancellationToken);
        var deals = await store.WonDealsAsync(rep.UserId, window.FromUtc, window.ToUtc, cancellationToken);
        return CommissionStatement.Of(rep.UserId, period, window, plan?.Period == period ? plan : null, deals);
    }
}

public sealed class GetStatementQueryValidator : AbstractValidator<GetStatementQuery>
{
    public GetStatementQueryValidator() => this.AddPeriodRules();
}
