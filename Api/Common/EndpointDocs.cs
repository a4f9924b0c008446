namespace SalesCrm.Api.Common;

/// <summary>Short-hands that keep each route one readable statement while documenting it fully.</summary>
public static class EndpointDocs
{
    public static RouteHandlerBuilder Doc(this RouteHandlerBuilder builder, string summary, string description) =>
        builder.WithSummary(summary).WithDescription(description);

    /// <summary>400 with field errors: every operation that reads input declares it.</summary>
    public static RouteHandlerBuilder BadInput(this RouteHandlerBuilder builder) =>
        builder.ProducesValidationProblem();

    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
