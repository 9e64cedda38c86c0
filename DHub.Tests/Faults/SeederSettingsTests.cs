using DHub.Core.Databases;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Faults;

/// <summary>
/// A <c>DHub:Seed</c> value of the wrong type is the user's to fix: the seeder exits 1 with one clear
/// line and no stack trace (a bug, by contrast, is logged with its trace; see <see cref="GeneratorBugTests"/>).
/// </summary>
[Collection(OwnServersCollection.Name)]
[Faults]
public sealed class SeederSettingsTests
{
    [Fact]
    public async Task A_scale_that_is_no_number_ends_the_seeder_with_exit_code_1_and_one_line_without_a_stack_trace()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["DHub__Seed__Scale"] = "ten" };
        foreach (var database in DemoDatabases.All)
        {
            // Never reached: the settings are read before any connection is opened.
            environment[$"ConnectionStrings__{database}"] = $"Host=127.0.0.1;Port=1;Username=postgres;Database={database}";
        }

        await using var seeder = ServiceProcess.Start(FaultSupport.ServiceDll(new Projects.DHub_Seeder().ProjectPath), environment);
        await FaultSupport.WaitUntilAsync(() => seeder.HasExited, TimeSpan.FromSeconds(60), "the seeder to refuse the setting");

        Assert.Equal(1, seeder.ExitCode);
        Assert.Contains("Seeding failed: Failed to convert configuration value", seeder.Output, StringComparison.Ordinal);
        Assert.Contains("DHub:Seed:Scale", seeder.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", seeder.Output, StringComparison.Ordinal);
    }
}
