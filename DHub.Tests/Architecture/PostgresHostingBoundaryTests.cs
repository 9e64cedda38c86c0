using System.Reflection;
using System.Xml.Linq;

namespace DHub.Tests.Architecture;

/// <summary>
/// Running PostgreSQL ourselves (initdb, pg_ctl, runuser, the throwaway server) and applying the init
/// scripts belong to the hosting side: the AppHost, the benchmarks and the tests. The library the API
/// and the dotnet tool load, and the programs a user runs, must not carry them.
/// </summary>
public sealed class PostgresHostingBoundaryTests
{
    private const string HostingProject = "DHub.Hosting.Postgres";

    [Theory]
    [InlineData("DHub.Core")]
    [InlineData("DHub.Api")]
    [InlineData("DHub.Cli")]
    [InlineData("DHub.Seeder")]
    public void A_runtime_project_does_not_reference_the_hosting_project(string project) =>
        Assert.DoesNotContain(HostingProject, ReferencedProjects(project));

    /// <summary>Proves the walk over the project files finds a reference where there is one.</summary>
    [Theory]
    [InlineData("DHub.AppHost")]
    [InlineData("DHub.Benchmarks")]
    [InlineData("DHub.Tests")]
    public void The_hosting_side_references_the_hosting_project(string project) =>
        Assert.Contains(HostingProject, ReferencedProjects(project));

    [Theory]
    [InlineData("DHub.Core")]
    [InlineData("dhub")] // DHub.Cli's assembly
    public void A_runtime_assembly_does_not_reference_the_hosting_assembly(string assembly) =>
        Assert.DoesNotContain(HostingProject, Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name));

    /// <summary>
    /// The orchestrator runs no domain code: seeding, clearing and publishing are resources it starts,
    /// so neither the generators nor Bogus load into the AppHost.
    /// </summary>
    [Fact]
    public void The_apphost_assembly_does_not_reference_the_domain_library() =>
        Assert.DoesNotContain("DHub.Core", Assembly.Load("DHub.AppHost").GetReferencedAssemblies().Select(a => a.Name));

    [Fact]
    public void DHub_Core_holds_no_postgres_process_control()
    {
        var core = Assembly.Load("DHub.Core");

        Assert.DoesNotContain(core.GetTypes(), type => type.Namespace?.StartsWith("DHub.Core.Postgres", StringComparison.Ordinal) == true);
        // Starting initdb, pg_ctl or runuser takes System.Diagnostics.Process.
        Assert.DoesNotContain("System.Diagnostics.Process", core.GetReferencedAssemblies().Select(a => a.Name));
    }

    /// <summary>The names of every project <paramref name="project"/> references, directly or through another.</summary>
    private static HashSet<string> ReferencedProjects(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.Combine(RepositoryRoot(), project, $"{project}.csproj")]);
        while (pending.TryPop(out var csproj))
        {
            var references = XDocument.Load(csproj).Descendants("ProjectReference")
                .Select(reference => (string?)reference.Attribute("Include"))
                .OfType<string>();
            foreach (var include in references)
            {
                var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(csproj)!, include.Replace('\\', Path.DirectorySeparatorChar)));
                if (found.Add(Path.GetFileNameWithoutExtension(referenced)))
                {
                    pending.Push(referenced);
                }
            }
        }

        return found;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No DHub.sln above {AppContext.BaseDirectory}.");
    }
}
