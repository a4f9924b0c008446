using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCrm.Application.Auth;
using SalesCrm.Application.Auth.CreateToken;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application;

public static class DependencyInjection
{
    /// <summary>Registers validators and the use-case helpers; the mediator itself is generated in the host.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonFieldNames.FromPropertyPath(member.Name);
        services.AddValidatorsFromAssemblyContaining<SignInPolicy>(ServiceLifetime.Singleton);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new SignInPolicy());
        services.AddScoped<SessionIssuer>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<RefreshTokenRotation>();
        services.AddScoped<ClientCredentialsSignIn>();
        services.AddScoped<Common.Records.RecordLinks>();
        services.AddScoped<Common.Records.OwnerAssignment>();
        services.AddScoped<Quotas.QuotaAccess>();
        services.AddScoped<People.ManagedTeam>();
        services.AddSingleton<Organisations.OrganisationCalendar>();
        services.AddScoped<Surveys.SurveyAccess>();
        services.AddScoped<Commission.CommissionAccess>();
        services.AddScoped<Commission.CommissionWindow>();
        services.AddScoped<Metrics.Common.MetricSubjects>();
        services.AddScoped<Metrics.Common.MetricScopes>();
        services.AddScoped<Readiness.ReadinessAccess>();
        services.AddScoped<Readiness.ReadinessScope>();
        services.AddScoped<Activities.ActivityRecorder>();
        services.AddSingleton<Forecasts.ForecastCalculator>();
        services.AddSingleton<Forecasts.Snapshots.ForecastSnapshotter>();
        return services;
    }
}
