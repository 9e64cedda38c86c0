using DHub.AppHost.Postgres;
using DHub.Hosting.Postgres;

namespace DHub.Tests.AppHost;

public sealed class PostgresModeResolverTests
{
    private sealed class FakeProbe(bool available) : IContainerRuntimeProbe
    {
        public int Calls { get; private set; }

        public bool IsAvailable()
        {
            Calls++;
            return available;
        }
    }

    private static readonly PostgresBinaries Binaries = new("/usr/lib/postgresql/15/bin");

    [Fact]
    public void Auto_prefers_a_container_runtime_when_one_answers() =>
        Assert.Equal(PostgresMode.Container, new PostgresModeResolver(new FakeProbe(true), () => Binaries).Resolve(PostgresMode.Auto));

    [Fact]
    public void Auto_falls_back_to_the_local_binaries_without_a_runtime() =>
        Assert.Equal(PostgresMode.Local, new PostgresModeResolver(new FakeProbe(false), () => Binaries).Resolve(PostgresMode.Auto));

    [Fact]
    public void Auto_with_neither_fails_with_what_to_install()
    {
        var error = Assert.Throws<PostgresUnavailableException>(() => new PostgresModeResolver(new FakeProbe(false), () => null).Resolve(PostgresMode.Auto));

        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("docker info", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PostgresMode.Container)]
    [InlineData(PostgresMode.Local)]
    [InlineData(PostgresMode.External)]
    public void An_explicit_mode_is_used_without_probing(PostgresMode mode)
    {
        var probe = new FakeProbe(true);

        Assert.Equal(mode, new PostgresModeResolver(probe, () => null).Resolve(mode));
        Assert.Equal(0, probe.Calls);
    }

    [Theory]
    [InlineData(null, PostgresMode.Auto)]
    [InlineData("", PostgresMode.Auto)]
    [InlineData("local", PostgresMode.Local)]
    [InlineData("CONTAINER", PostgresMode.Container)]
    public void Parse_accepts_names_case_insensitively(string? value, PostgresMode expected) =>
        Assert.Equal(expected, PostgresModeResolver.Parse(value));

    [Theory]
    [InlineData("docker")]
    [InlineData("7")]
    public void Parse_rejects_anything_else(string value) =>
        Assert.Throws<PostgresUnavailableException>(() => PostgresModeResolver.Parse(value));

    [Fact]
    public void Binaries_are_found_under_the_debian_layout_when_not_on_path()
    {
        var root = Directory.CreateTempSubdirectory("dhub-pgroot-");
        try
        {
            foreach (var version in new[] { "13", "16" })
            {
                var bin = Directory.CreateDirectory(Path.Combine(root.FullName, version, "bin"));
                foreach (var program in new[] { "postgres", "initdb", "pg_ctl" })
                {
                    File.WriteAllText(Path.Combine(bin.FullName, program), "");
                }
            }

            var found = PostgresBinaries.Find(path: "", debianRoot: root.FullName);

            Assert.Equal(Path.Combine(root.FullName, "16", "bin"), found?.Directory);
            Assert.Null(PostgresBinaries.Find(path: "", debianRoot: Path.Combine(root.FullName, "missing")));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
