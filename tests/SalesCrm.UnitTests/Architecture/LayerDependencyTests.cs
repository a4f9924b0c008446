using System.Reflection;
using System.Xml.Linq;
using NetArchTest.Rules;
using SalesCrm.Domain.Common;

namespace SalesCrm.UnitTests.Architecture;

/// <summary>
/// The dependency rule, checked twice: on the compiled assemblies (what actually got referenced) and on the
/// project files (what a newcomer would add). Domain depends on nothing; Application on Domain and a few
/// abstractions; Infrastructure never on the Api.
/// </summary>
public sealed class LayerDependencyTests
{
    private static readonly Assembly Domain = typeof(Ids).Assembly;
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;

    /// <summary>What the inner layers must never see: databases, the web stack, and the outer SalesCrm projects.</summary>
    private static readonly string[] DatabaseWebAndOuterLayers =
    [
        "Dapper", "DbUp", "Microsoft.Data", "System.Data.SqlClient", "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore", "SalesCrm.Infrastructure", "SalesCrm.Api",
    ];

    private static readonly string[] ForbiddenPackageWords =
        ["Dapper", "DbUp", "Sqlite", "SqlClient", "Microsoft.Data", "AspNetCore", "EntityFrameworkCore"];

    [Fact]
    public void Domain_references_only_the_framework()
    {
        var references = References(Domain);

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(IsFramework(name), $"Domain references {name}."));
    }

    [Fact]
    public void Domain_types_use_no_other_layer()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny(["SalesCrm.Application", .. DatabaseWebAndOuterLayers, "Mediator", "FluentValidation"])
            .GetResult();

        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Application_references_Domain_but_no_database_web_or_outer_layer()
    {
        var references = References(Application);

        Assert.Contains(Domain.GetName().Name, references);
        Assert.DoesNotContain(references, name => IsOneOf(name, DatabaseWebAndOuterLayers));
    }

    [Fact]
    public void Application_types_use_no_database_web_or_outer_layer()
    {
        var result = Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(DatabaseWebAndOuterLayers).GetResult();

        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Infrastructure_does_not_reference_the_Api()
    {
        Assert.DoesNotContain(References(Infrastructure), name => IsOneOf(name, ["SalesCrm.Api"]));
    }

    [Fact]
    public void Domain_project_has_no_package_project_or_framework_reference()
    {
        var project = LoadProject("Domain/SalesCrm.Domain.csproj");

        Assert.Empty(Items(project, "PackageReference"));
        Assert.Empty(Items(project, "ProjectReference"));
        Assert.Empty(Items(project, "FrameworkReference"));
    }

    [Fact]
    public void Application_project_references_only_Domain_and_no_database_or_web_package()
    {
        var project = LoadProject("Application/SalesCrm.Application.csproj");

        Assert.Equal([@"..\Domain\SalesCrm.Domain.csproj"], Items(project, "ProjectReference"));
        Assert.Empty(Items(project, "FrameworkReference"));
        Assert.DoesNotContain(
            Items(project, "PackageReference"),
            package => ForbiddenPackageWords.Any(word => package.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }

    private static List<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

    private static bool IsFramework(string name) =>
        name is "System" or "mscorlib" or "netstandard" or "Microsoft.CSharp"
        || name.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>True when <paramref name="name"/> is one of <paramref name="namespaces"/> or inside one.</summary>
    private static bool IsOneOf(string name, IEnumerable<string> namespaces) =>
        namespaces.Any(ns => name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal));

    private static List<string> Items(XDocument project, string itemType) =>
        project.Descendants()
            .Where(element => element.Name.LocalName == itemType)
            .Select(element => (string?)element.Attribute("Include") ?? (string?)element.Attribute("Update") ?? "")
            .ToList();

    private static XDocument LoadProject(string relativePath) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), relativePath));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SalesCrm.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds SalesCrm.sln.");
    }
}
