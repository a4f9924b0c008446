namespace SalesCrm.Application.Common.Records;

/// <summary>
/// What a create did: made the record (201), or found the one this caller already created under the same
/// <c>externalId</c> and changed nothing (200).
/// </summary>
public sealed record CreateOutcome<T>(T Record, bool Created);
