namespace SalesCrm.Application.Metrics.People.Quadrant;

/// <summary>Each team's reps placed in a quadrant by their won revenue in <see cref="Quarter"/> against the team median and <see cref="PreviousQuarter"/>.</summary>
public sealed record QuadrantReport(DateOnly Quarter, DateOnly PreviousQuarter, IReadOnlyList<QuadrantTeam> Teams);

/// <summary>One team: its reps' median won revenue in the quarter (every active rep counted, zeros included).</summary>
public sealed record QuadrantTeam(Guid TeamId, string Name, int Reps, decimal MedianRevenue, IReadOnlyList<QuadrantRow> Members);

public sealed record QuadrantRow(
    Guid UserId, string DisplayName, decimal Revenue, decimal PreviousRevenue, decimal Change, bool AtOrAboveMedian, bool Grew, RepQuadrant Quadrant);
