namespace SalesCrm.Application.Planner;

public interface IPlannerHistoryStore
{
    /// <summary>A rep's counts over [from, to) (local days), or the organisation's when <paramref name="userId"/> is null.</summary>
    Task<PlannerHistory> HistoryAsync(Guid? userId, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
