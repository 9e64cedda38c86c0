namespace DHub.Seeder;

/// <summary>What one run of the seeder does: seed (the default), or empty the tables when started with <c>clear</c>.</summary>
public sealed record SeederMode(string Name)
{
    public static readonly SeederMode Seed = new("seed");

    public static readonly SeederMode Clear = new("clear");

    public static SeederMode FromArgs(IEnumerable<string> args) => args.Contains(Clear.Name, StringComparer.Ordinal) ? Clear : Seed;
}
