using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Calendar;
using SalesCrm.Application.Calendar.AddNonWorkingDay;
using SalesCrm.Application.Calendar.ListNonWorkingDays;
using SalesCrm.Application.Calendar.RemoveNonWorkingDay;

namespace SalesCrm.Api.Calendar;

public static class CalendarEndpoints
{
    private const string WorkingDays =
        "The working week is Monday to Friday; the working days of a month are its weekdays minus the non-working days of "
        + "this calendar (a non-working day on a weekend changes nothing).";

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendar/non-working-days").WithTags("Calendar");
        group.MapGet("/", List).WithName("listNonWorkingDays").RequireAuthorization(Policies.MetricsReader)
            .Doc("List non-working days",
                "The organisation's non-working days (public holidays, company days off) in [`from`, `to`) (dates; default all), in date order. " + WorkingDays)
            .BadInput().Problems(403);
        group.MapPost("/", Add).WithName("addNonWorkingDay").RequireAuthorization(Policies.Admin).WithIdempotency()
            .Doc("Add a non-working day",
                "Admins only. `date` (2000-01-01 to 2100-12-31) and `name` (1 to 100 characters). A date already in the calendar is 409. " + WorkingDays)
            .BadInput().Problems(403, 409);
        group.MapDelete("/{date}", Remove).WithName("removeNonWorkingDay").RequireAuthorization(Policies.Admin)
            .Doc("Remove a non-working day", "Admins only. The date (yyyy-MM-dd) becomes an ordinary day again; 404 when it is not in the calendar.")
            .Problems(403, 404);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<NonWorkingDayDto>>> List(IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null) =>
        TypedResults.Ok(await mediator.Send(new ListNonWorkingDaysQuery(from, to), ct));

    private static async Task<Created<NonWorkingDayDto>> Add(AddNonWorkingDayCommand request, IMediator mediator, CancellationToken ct)
    {
        var day = await mediator.Send(request, ct);
        return TypedResults.Created($"/api/v1/calendar/non-working-days/{day.Date:yyyy-MM-dd}", day);
    }

    private static async Task<NoContent> Remove(DateOnly date, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RemoveNonWorkingDayCommand(date), ct);
        return TypedResults.NoContent();
    }
}
