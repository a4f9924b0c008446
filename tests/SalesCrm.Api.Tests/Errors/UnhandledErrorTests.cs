using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Organisations;

namespace SalesCrm.Api.Tests.Errors;

public sealed class UnhandledErrorTests(UnhandledErrorTests.BrokenStoreFactory factory) : IClassFixture<UnhandledErrorTests.BrokenStoreFactory>
{
    [Fact]
    public async Task An_unexpected_failure_is_500_problem_with_no_stack_trace_or_sql()
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.GetAsync("/api/v1/organisation");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        var body = problem.ToString();
        Assert.DoesNotContain("SELECT", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", body);
        Assert.DoesNotContain("Exception", body);
    }

    public sealed class BrokenStoreFactory : ApiFactory
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IOrganisationStore, BrokenOrganisationStore>();
    }

    private sealed class BrokenOrganisationStore : IOrganisationStore
    {
        public Task<OrganisationDto> GetAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("SELECT secret FROM organisation failed at line 1");

        public Task<bool> UpdateAsync(OrganisationDto settings, int expectedVersion, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("UPDATE organisation failed");
    }
}
