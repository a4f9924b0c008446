using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.Integrations.ListIntegrationClients;

public sealed record ListIntegrationClientsQuery(int? Limit, string? Cursor)
    : IQuery<Page<IntegrationClientDto>>, IPageRequest;

public sealed class ListIntegrationClientsQueryHandler(IIntegrationClientStore clients)
    : IQueryHandler<ListIntegrationClientsQuery, Page<IntegrationClientDto>>
{
    public async ValueTask<Page<IntegrationClientDto>> Handle(
        ListIntegrationClientsQuery query, CancellationToken cancellationToken) =>
        await clients.ListAsync(query.LimitOrDefault(), KeysetCursor.Decode(query.Cursor)?.Id, cancellationToken);
}

public sealed class ListIntegrationClientsQueryValidator : AbstractValidator<ListIntegrationClientsQuery>
{
    public ListIntegrationClientsQueryValidator() => this.AddPageRules();
}
