namespace SalesCrm.Application.Metrics.Common;

/// <summary>What every windowed metric query carries: the window, an optional bucket, and whose numbers (team or rep).</summary>
public interface IMetricQuery : IWindowedMetricRequest
{
    Guid? TeamId { get; }

    Guid? UserId { get; }
}

/// <summary>A windowed metric that can also be cut by pipeline.</summary>
public interface IPipelineMetricQuery : IMetricQuery
{
    Guid? PipelineId { get; }
}
