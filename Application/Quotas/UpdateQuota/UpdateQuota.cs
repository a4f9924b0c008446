using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Quotas.CreateQuota;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Quotas.UpdateQuota;

/// <summary>Changes a quota's target (and kind); the previous target stays in the quota's history.</summary>
public sealed record UpdateQuotaCommand(Guid Id, int? ExpectedVersion, QuotaKind Kind, decimal Target) : ICommand<QuotaDto>;

public sealed class UpdateQuotaCommandHandler(QuotaAccess access, IQuotaStore quotas, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<UpdateQuotaCommand, QuotaDto>
{
    public async ValueTask<QuotaDto> Handle(UpdateQuotaCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var quota = await access.QuotaToManageAsync(command.Id, cancellationToken);
        var now = clock.Now();
        Versions.EnsureWritten(await quotas.UpdateAsync(quota.Id, command.Kind, command.Target, expectedVersion, caller.Id, now, cancellationToken));
        return quota with { Kind = command.Kind, Target = command.Target, UpdatedAt = now, Version = expectedVersion + 1 };
    }
}

public sealed class UpdateQuotaCommandValidator : AbstractValidator<UpdateQuotaCommand>
{
    public UpdateQuotaCommandValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Target).QuotaTarget(x => x.Kind);
    }
}
