using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Common;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>A row of an explain statement the paging tests keep as their oracle (the store's own row type is private to it).</summary>
internal sealed class OracleExplainRow
{
    public string Kind { get; init; } = "";

    public Guid Id { get; init; }

    public DateTimeOffset At { get; init; }

    public Guid OwnerId { get; init; }

    public string? Label { get; init; }

    public decimal? Amount { get; init; }

    public double? Value { get; init; }

    public Guid? OpportunityId { get; init; }

    public MetricRecord ToRecord() => new(EnumNames.Parse<MetricRecordKind>(Kind), Id, At, OwnerId, Label, Amount, Value, OpportunityId);
}
