using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Pipelines.CreatePipeline;

/// <summary>
/// An admin creates a pipeline with its stages in board order. Stages without a kind are open stages and need a
/// probability. A Won stage (100%) and a Lost stage (0%) are appended when the list has none.
/// </summary>
public sealed record CreatePipelineCommand(string Name, IReadOnlyList<CreatePipelineStage> Stages) : ICommand<PipelineDto>;

/// <summary>One stage of a new pipeline; <c>kind</c> defaults to <c>open</c>.</summary>
public sealed record CreatePipelineStage(string Name, int? Probability = null, int? StaleAfterDays = null, StageKind? Kind = null);

public sealed class CreatePipelineCommandHandler(IPipelineStore pipelines, TimeProvider clock)
    : ICommandHandler<CreatePipelineCommand, PipelineDto>
{
    public async ValueTask<PipelineDto> Handle(CreatePipelineCommand command, CancellationToken cancellationToken)
    {
        var pipelineId = Ids.New();
        var requested = command.Stages.Select(s => (s.Name.Trim(), s.Kind ?? StageKind.Open, s.Probability, s.StaleAfterDays)).ToList();
        if (requested.TrueForAll(s => s.Item2 != StageKind.Won))
        {
            requested.Add((PipelineRules.DefaultWonName, StageKind.Won, null, null));
        }

        if (requested.TrueForAll(s => s.Item2 != StageKind.Lost))
        {
            requested.Add((PipelineRules.DefaultLostName, StageKind.Lost, null, null));
        }

        var duplicate = requested.GroupBy(s => s.Item1, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw RequestValidationException.For("stages", $"Stage names must be unique in a pipeline; \"{duplicate.Key}\" appears twice "
                + "(a Won and a Lost stage are added when the list has none).");
        }

        var stages = requested.Select((s, index) => new StageDto(
            Ids.New(), pipelineId, s.Item1, index + 1, PipelineRules.FixedProbability(s.Item2) ?? s.Probability ?? 0,
            s.StaleAfterDays, s.Item2, null, 1)).ToList();
        var pipeline = new PipelineDto(pipelineId, command.Name.Trim(), false, clock.Now(), stages, 1);
        await pipelines.InsertAsync(pipeline, cancellationToken);
        return pipeline;
    }
}
