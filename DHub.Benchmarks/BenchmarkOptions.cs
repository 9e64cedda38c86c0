using System.Globalization;

namespace DHub.Benchmarks;

/// <summary>The command line of the benchmark.</summary>
public sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project DHub.Benchmarks -- [options]

          --connection <string>       PostgreSQL server to use (any database; the six demo databases are
                                      created from the init scripts if missing, and their data is REPLACED).
                                      Default: a throwaway server started from the installed binaries.
          --scale <number>            Seeding scale (default 10).
          --reference-scale <number>  Scale of the batched-INSERT reference and of the memory baseline (default 1).
          --seed <int>                Generator seed (default 42).
          --as-of <yyyy-MM-dd>        The bank's "today" (default 2026-06-30, so runs are reproducible).
          --output <dir>              Where benchmark.json and benchmark.md go (default ./bench-results).
          --server-directory <dir>    Directory on the server's machine the server may write, for the
                                      ceiling's files (default: the throwaway server's own folder, else /tmp).
          --setting <name=value>      Extra server setting for the throwaway server (repeatable),
                                      e.g. --setting wal_level=minimal --setting max_wal_senders=0.
          --skip <ceiling|reference>  Leave out a part (repeatable).
          --help                      Show this text.
        """;

    public string? Connection { get; init; }

    public double Scale { get; init; } = 10;

    public double ReferenceScale { get; init; } = 1;

    public int Seed { get; init; } = 42;

    public DateOnly AsOf { get; init; } = new(2026, 6, 30);

    public string Output { get; init; } = "bench-results";

    public string? ServerDirectory { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];

    public bool SkipCeiling { get; init; }

    public bool SkipReference { get; init; }

    public bool Help { get; init; }

    /// <exception cref="ArgumentException">An unknown option or a malformed value.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--connection" => options with { Connection = Value() },
                "--scale" => options with { Scale = Number(name, Value()) },
                "--reference-scale" => options with { ReferenceScale = Number(name, Value()) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--as-of" => options with { AsOf = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "--output" => options with { Output = Value() },
                "--server-directory" => options with { ServerDirectory = Value() },
                "--setting" => Add(options, settings, name, Value()),
                "--skip" => Value() switch
                {
                    "ceiling" => options with { SkipCeiling = true },
                    "reference" => options with { SkipReference = true },
                    var other => throw new ArgumentException($"--skip takes 'ceiling' or 'reference', not '{other}'."),
                },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        if (settings.Count > 0 && options.Connection is not null)
        {
            throw new ArgumentException("--setting applies to the throwaway server only; configure your own server yourself.");
        }

        return options with { Settings = settings };
    }

    private static BenchmarkOptions Add(BenchmarkOptions options, List<KeyValuePair<string, string>> settings, string name, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"{name} takes name=value, not '{value}'.");
        }

        settings.Add(new(value[..equals].Trim(), value[(equals + 1)..].Trim()));
        return options;
    }

    private static double Number(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} takes a positive number, not '{value}'.");
}
