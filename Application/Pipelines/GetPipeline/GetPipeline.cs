using Mediator;

namespace SalesCrm.Application.Pipelines.GetPipeline;

public sealed record GetPipelineQuery(Guid Id) : IQuery<PipelineDto>;

public sealed class GetPipelineQueryHandler(IPipelineStore pipelines) : IQueryHandler<GetPipelineQuery, PipelineDto>
{
    public async ValueTask<PipelineDto> Handle(GetPipelineQuery query, CancellationToken cancellationToken) =>
        await pipelines.RequirePipelineAsync(query.Id, cancellationToken);
}
