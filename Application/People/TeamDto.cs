namespace SalesCrm.Application.People;

public sealed record TeamDto(Guid Id, string Name, DateTimeOffset CreatedAt, int Version) : Common.Records.IVersioned;
