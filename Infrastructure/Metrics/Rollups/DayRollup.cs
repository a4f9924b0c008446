using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// One rollup as start-up sees it: the <paramref name="Name"/> its built version is recorded under, the
/// <paramref name="Version"/> of its definition (bumped by the change that alters it), and the statements that clear and
/// rebuild it from its records, in order.
/// </summary>
public sealed record DayRollup(string Name, int Version, IReadOnlyList<Sql> Statements);
