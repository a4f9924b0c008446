using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.LostReasons.CreateLostReason;

/// <summary>An admin adds a lost reason; names are unique, ignoring case.</summary>
public sealed record CreateLostReasonCommand(string Name) : ICommand<LostReasonDto>;

public sealed class CreateLostReasonCommandHandler(ILostReasonStore reasons, TimeProvider clock)
    : ICommandHandler<CreateLostReasonCommand, LostReasonDto>
{
    public async ValueTask<LostReasonDto> Handle(CreateLostReasonCommand command, CancellationToken cancellationToken)
    {
        var reason = new LostReasonDto(Ids.New(), command.Name.Trim(), clock.Now(), null);
        await reasons.InsertAsync(reason, cancellationToken);
        return reason;
    }
}

public sealed class CreateLostReasonCommandValidator : AbstractValidator<CreateLostReasonCommand>
{
    public CreateLostReasonCommandValidator() =>
        RuleFor(x => x.Name).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("name must not be empty.")
            .MaximumLength(RecordFieldRules.NameLength);
}
