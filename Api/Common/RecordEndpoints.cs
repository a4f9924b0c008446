using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Api.Common;

/// <summary>
/// What the endpoints of owned, soft-deletable records (accounts, contacts, leads) answer alike: a create that may find
/// the caller's existing record, a delete, and the documented statuses of the owner, delete and restore routes.
/// </summary>
public static class RecordEndpoints
{
    /// <summary>201 with <c>Location</c> for a new record, 200 for the one a repeated <c>externalId</c> found; the ETag either way.</summary>
    public static Results<Created<T>, Ok<T>> CreatedOrFound<T>(this HttpResponse response, CreateOutcome<T> outcome, Func<T, string> location)
        where T : IVersioned
    {
        response.SetETag(outcome.Record.Version);
        return outcome.Created
            ? TypedResults.Created(location(outcome.Record), outcome.Record)
            : TypedResults.Ok(outcome.Record);
    }

    /// <summary>Sends a command that answers nothing, then 204.</summary>
    public static async Task<NoContent> SendForNoContent(this IMediator mediator, ICommand command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.NoContent();
    }

    /// <summary><c>POST …/{id}/owner</c>: 400 for the body, 403, 404, and 412/428 for the If-Match it requires.</summary>
    public static RouteHandlerBuilder DocReassign(this RouteHandlerBuilder builder, string summary, string description) =>
        builder.Doc(summary, description).BadInput().Problems(403, 404, 412, 428);

    /// <summary><c>DELETE …/{id}</c> and <c>POST …/{id}/restore</c>: 403 for a caller who may not, 404 for a record not found.</summary>
    public static RouteHandlerBuilder DocDeleteOrRestore(this RouteHandlerBuilder builder, string summary, string description) =>
        builder.Doc(summary, description).Problems(403, 404);
}
