using Mediator;
using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.Pipelines.ListPipelines;

/// <summary>Every pipeline with its stages, oldest first; readable by everyone who records or reads deals.</summary>
public sealed record ListPipelinesQuery(int? Limit, string? Cursor) : IQuery<Page<PipelineDto>>, IPageRequest;

public sealed class ListPipelinesQueryHandler(IPipelineStore pipelines) : IQueryHandler<ListPipelinesQuery, Page<PipelineDto>>
{
    public async ValueTask<Page<PipelineDto>> Handle(ListPipelinesQuery query, CancellationToken cancellationToken) =>
        await pipelines.ListAsync(query.LimitOrDefault(), KeysetCursor.Decode(query.Cursor)?.Id, cancellationToken);
}

public sealed class ListPipelinesQueryValidator : FluentValidation.AbstractValidator<ListPipelinesQuery>
{
    public ListPipelinesQueryValidator() => Common.Validation.PageRequestValidation.AddPageRules(this);
}
