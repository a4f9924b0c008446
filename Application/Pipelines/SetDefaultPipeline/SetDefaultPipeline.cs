using Mediator;

namespace SalesCrm.Application.Pipelines.SetDefaultPipeline;

/// <summary>An admin chooses the pipeline new opportunities go to when they name none; exactly one is the default.</summary>
public sealed record SetDefaultPipelineCommand(Guid Id) : ICommand<PipelineDto>;

public sealed class SetDefaultPipelineCommandHandler(IPipelineStore pipelines) : ICommandHandler<SetDefaultPipelineCommand, PipelineDto>
{
    public async ValueTask<PipelineDto> Handle(SetDefaultPipelineCommand command, CancellationToken cancellationToken)
    {
        await pipelines.RequirePipelineAsync(command.Id, cancellationToken);
        await pipelines.SetDefaultAsync(command.Id, cancellationToken);
        return await pipelines.RequirePipelineAsync(command.Id, cancellationToken);
    }
}
