using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Opportunities;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts.SetForecastCategory;

/// <summary>
/// Sets a deal's forecast category (commit, best case, pipeline, omitted); guarded by the opportunity's version. Whoever may
/// update the opportunity may set it: its owner, their manager, an admin (others: 404).
/// </summary>
public sealed record SetForecastCategoryCommand(Guid OpportunityId, int? ExpectedVersion, ForecastCategory? Category) : ICommand<ForecastCategoryDto>;

/// <summary>A deal's forecast settings: its category and the expected close date that places it in a period.</summary>
public sealed record ForecastCategoryDto(Guid OpportunityId, ForecastCategory Category, DateOnly? ExpectedCloseDate, int Version) : IVersioned;

public sealed class SetForecastCategoryCommandHandler(ICurrentUser caller, IOpportunityStore opportunities, IForecastStore forecasts)
    : ICommandHandler<SetForecastCategoryCommand, ForecastCategoryDto>
{
    public async ValueTask<ForecastCategoryDto> Handle(SetForecastCategoryCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var record = await opportunities.RequireInScopeAsync(caller, command.OpportunityId, cancellationToken);
        record.EnsureVersion(expectedVersion);
        var category = command.Category!.Value;
        Versions.EnsureWritten(await forecasts.SetCategoryAsync(command.OpportunityId, category, expectedVersion, cancellationToken));
        return new ForecastCategoryDto(command.OpportunityId, category, record.Opportunity.ExpectedCloseDate, expectedVersion + 1);
    }
}

public sealed class SetForecastCategoryCommandValidator : AbstractValidator<SetForecastCategoryCommand>
{
    public SetForecastCategoryCommandValidator()
    {
        RuleFor(x => x.Category).NotNull().WithMessage("category is required: commit, best_case, pipeline or omitted.");
        RuleFor(x => x.Category).IsInEnum();
    }
}
