using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCrm.Application.Accounts;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Auth;
using SalesCrm.Application.FollowUps;
using SalesCrm.Application.Integrations;
using SalesCrm.Application.Organisations;
using SalesCrm.Application.People;
using SalesCrm.Application.Pipelines;
using SalesCrm.Application.LostReasons;
using SalesCrm.Application.Opportunities;
using SalesCrm.Application.Common.Idempotency;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Contacts;
using SalesCrm.Application.Leads;
using SalesCrm.Infrastructure.Accounts;
using SalesCrm.Application.Timeline;
using SalesCrm.Infrastructure.Activities;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.Infrastructure.Contacts;
using SalesCrm.Infrastructure.Leads;
using SalesCrm.Infrastructure.Idempotency;
using SalesCrm.Infrastructure.Records;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.FollowUps;
using SalesCrm.Infrastructure.Integrations;
using SalesCrm.Infrastructure.Organisations;
using SalesCrm.Infrastructure.People;
using SalesCrm.Infrastructure.Pipelines;
using SalesCrm.Infrastructure.LostReasons;
using SalesCrm.Infrastructure.Opportunities;
using SalesCrm.Infrastructure.Setup;
using SalesCrm.Infrastructure.Timeline;

namespace SalesCrm.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        TypeHandlers.Register();

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataDirectory = Path.GetFullPath(storage.DataDirectory, contentRoot);
        services.AddSingleton(new StorageOptions { DataDirectory = dataDirectory });

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton<IDbConnectionFactory>(database.Provider switch
        {
            SqlDialect.SqlServer => new SqlServerConnectionFactory(
                database.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is SqlServer.")),
            _ => new SqliteConnectionFactory(
                database.ConnectionString ?? SqliteConnectionFactory.DefaultConnectionString(dataDirectory)),
        });
        services.AddSingleton<DatabaseMigrator>();

        services.AddSingleton<IUserStore, UserStore>();
        services.AddSingleton<ITeamStore, TeamStore>();
        services.AddSingleton<IOrganisationStore, OrganisationStore>();
        services.AddSingleton<IIntegrationClientStore, IntegrationClientStore>();
        services.AddSingleton<IRefreshTokenStore, RefreshTokenStore>();
        services.AddSingleton<ISignInThrottle, SignInThrottle>();
        services.AddSingleton<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton<IRecordVisibility, RecordVisibility>();
        services.AddSingleton<Application.Quotas.IQuotaStore, Quotas.QuotaStore>();
        services.AddSingleton<Application.TimeEntries.ITimeEntryStore, TimeEntries.TimeEntryStore>();
        services.AddSingleton<Application.Calendar.ICalendarStore, Calendar.CalendarStore>();
        services.AddSingleton<Application.Planner.IPlannerHistoryStore, Planner.PlannerHistoryStore>();
        services.AddSingleton<Application.Metrics.SellingTime.ISellingTimeMetricsStore, Metrics.SellingTimeMetricsStore>();
        services.AddSingleton<Application.Surveys.ISurveyStore, Surveys.SurveyStore>();
        services.AddSingleton<Application.Commission.ICommissionStore, Commission.CommissionStore>();
        services.AddSingleton<Application.LeadScoring.ILeadScoringStore, LeadScoring.LeadScoringStore>();
        services.AddSingleton<Application.LeadScoring.ILeadScoringMetricsStore, LeadScoring.LeadScoringMetricsStore>();
        services.AddSingleton<Demo.SalesHistoryGenerator>();
        services.AddSingleton<IAccountStore, AccountStore>();
        services.AddSingleton<IContactStore, ContactStore>();
        services.AddSingleton<ILeadStore, LeadStore>();
        services.AddSingleton<IPipelineStore, PipelineStore>();
        services.AddSingleton<ILostReasonStore, LostReasonStore>();
        services.AddSingleton<IOpportunityStore, OpportunityStore>();
        services.AddSingleton<ActivityWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivityWriter>());
        services.AddSingleton<IActivityStore, ActivityStore>();
        services.AddSingleton<IFollowUpStore, FollowUpStore>();
        services.AddSingleton<Application.Metrics.Activity.IActivityMetricsStore, Metrics.ActivityMetricsStore>();
        services.AddSingleton<Application.Metrics.FollowUps.IFollowUpMetricsStore, Metrics.FollowUpMetricsStore>();
        services.AddSingleton<Application.Metrics.Results.IResultMetricsStore, Metrics.ResultMetricsStore>();
        services.AddSingleton<Application.Metrics.Pipeline.IPipelineMetricsStore, Metrics.PipelineMetricsStore>();
        services.AddSingleton<Application.Metrics.Attainment.IAttainmentMetricsStore, Metrics.AttainmentMetricsStore>();
        services.AddSingleton<ITimelineReader, TimelineReader>();
        services.AddSingleton<Application.Forecasts.IForecastStore, Forecasts.ForecastStore>();
        services.AddSingleton<Application.Forecasts.Snapshots.IForecastSnapshotStore, Forecasts.ForecastSnapshotStore>();
        services.AddHostedService<Forecasts.ForecastSnapshotService>();
        services.AddSingleton<Application.Readiness.ICertificationStore, Readiness.CertificationStore>();
        services.AddSingleton<Application.Readiness.IAssessmentStore, Readiness.AssessmentStore>();
        services.AddSingleton<Application.Readiness.IReadinessStore, Readiness.ReadinessStore>();
        services.AddSingleton<Application.Metrics.People.IPeopleMetricsStore, Metrics.PeopleMetricsStore>();

        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(auth);
        services.AddSingleton(sp => SigningKeyProvider.Load(
            auth, dataDirectory, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SigningKeyProvider))));
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<ISecretGenerator, SecretGenerator>();
        services.AddMemoryCache();
        services.AddSingleton<IAccessCache, AccessCache>();

        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.AddSingleton<DemoOrganisation>();
        services.AddSingleton<FirstRunSetup>();
        return services;
    }

    /// <summary>Migrates the database and runs first-start setup; called once before the host starts serving.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        services.GetRequiredService<DatabaseMigrator>().Migrate();
        await services.GetRequiredService<FirstRunSetup>().RunAsync(cancellationToken);
    }
}
