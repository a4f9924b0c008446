using Mediator;
using SalesCrm.Api.Accounts;
using SalesCrm.Api.Auth;
using SalesCrm.Api.Common;
using SalesCrm.Api.Contacts;
using SalesCrm.Api.Activities;
using SalesCrm.Api.FollowUps;
using SalesCrm.Api.Forecasts;
using SalesCrm.Api.Integrations;
using SalesCrm.Api.Leads;
using SalesCrm.Api.LostReasons;
using SalesCrm.Api.Me;
using SalesCrm.Api.Opportunities;
using SalesCrm.Api.Organisations;
using SalesCrm.Api.People;
using SalesCrm.Api.Metrics;
using SalesCrm.Api.Quotas;
using SalesCrm.Api.TimeEntries;
using SalesCrm.Api.Calendar;
using SalesCrm.Api.Planner;
using SalesCrm.Api.Surveys;
using SalesCrm.Api.Commission;
using SalesCrm.Api.Readiness;
using SalesCrm.Api.LeadScoring;
using SalesCrm.Api.Pipelines;
using SalesCrm.Api.Timeline;
using SalesCrm.Application;
using SalesCrm.Application.Common.Behaviors;
using SalesCrm.Infrastructure;
using SalesCrm.Infrastructure.Auth;

// `--demo` is shorthand for `--Demo:Enabled true`: seed the demo organisation into an empty database.
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder([.. args.Where(a => a != "--demo")]);
if (demo)
{
    builder.Configuration.AddInMemoryCollection([new("Demo:Enabled", "true")]);
}
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(SalesCrm.Application.DependencyInjection)];
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
});
builder.Services.ConfigureHttpJsonOptions(options => JsonSetup.Configure(options.SerializerOptions));
builder.Services.AddProblemResponses();
builder.Services.AddSalesCrmAuth(builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions());
builder.Services.AddSalesCrmOpenApi();
builder.Services.AddSalesCrmHealth();

var app = builder.Build();
await app.Services.PrepareDatabaseAsync(CancellationToken.None);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBodySizeLimit();
app.UseIdempotencyBuffering();
app.UseSpaFiles();
app.UseSwaggerUI(options =>
{
    options.RoutePrefix = "swagger";
    options.SwaggerEndpoint($"/openapi/{OpenApiSetup.DocumentName}.json", "SalesCrm API v1");
});
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapOpenApi("/openapi/{documentName}.yaml").AllowAnonymous();
app.MapHealthEndpoints();

app.MapAuthEndpoints();
app.MapMeEndpoints();
app.MapOrganisationEndpoints();
app.MapTeamEndpoints();
app.MapUserEndpoints();
app.MapIntegrationClientEndpoints();
app.MapQuotaEndpoints();
app.MapTimeEntryEndpoints();
app.MapCalendarEndpoints();
app.MapPlannerEndpoints();
app.MapSellingTimeMetricEndpoints();
app.MapSurveyEndpoints();
app.MapCommissionEndpoints();
app.MapLeadScoringEndpoints();
app.MapLeadScoringMetricEndpoints();
app.MapActivityMetricEndpoints();
app.MapFollowUpMetricEndpoints();
app.MapResultMetricEndpoints();
app.MapPipelineMetricEndpoints();
app.MapAttainmentMetricEndpoints();
app.MapForecastEndpoints();
app.MapPeopleMetricEndpoints();
app.MapCertificationEndpoints();
app.MapReadinessEndpoints();
app.MapAccountEndpoints();
app.MapContactEndpoints();
app.MapLeadEndpoints();
app.MapPipelineEndpoints();
app.MapLostReasonEndpoints();
app.MapOpportunityEndpoints();
app.MapActivityEndpoints();
app.MapFollowUpEndpoints();
app.MapTimelineEndpoints();

app.MapSpa();

await app.RunAsync();

/// <summary>The entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
