using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Pipelines;

/// <summary>A pipeline with its stages in board order (by <see cref="StageDto.Position"/>), archived ones included.</summary>
public sealed record PipelineDto(
    Guid Id,
    string Name,
    bool IsDefault,
    DateTimeOffset CreatedAt,
    IReadOnlyList<StageDto> Stages,
    int Version);

/// <summary>One stage: its order on the board, win probability (0–100), optional stale limit in days, and kind.</summary>
public sealed record StageDto(
    Guid Id,
    Guid PipelineId,
    string Name,
    int Position,
    int Probability,
    int? StaleAfterDays,
    StageKind Kind,
    DateTimeOffset? ArchivedAt,
    int Version);
