using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Pipelines.UpdatePipeline;

/// <summary>An admin renames a pipeline; guarded by the pipeline's version.</summary>
public sealed record UpdatePipelineCommand(Guid Id, int? ExpectedVersion, string Name) : ICommand<PipelineDto>;

public sealed class UpdatePipelineCommandHandler(IPipelineStore pipelines) : ICommandHandler<UpdatePipelineCommand, PipelineDto>
{
    public async ValueTask<PipelineDto> Handle(UpdatePipelineCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        await pipelines.RequirePipelineAsync(command.Id, cancellationToken);
        Versions.EnsureWritten(await pipelines.RenameAsync(command.Id, command.Name.Trim(), expectedVersion, cancellationToken));
        return await pipelines.RequirePipelineAsync(command.Id, cancellationToken);
    }
}

public sealed class UpdatePipelineCommandValidator : AbstractValidator<UpdatePipelineCommand>
{
    public UpdatePipelineCommandValidator() => RuleFor(x => x.Name).PipelineName();
}
