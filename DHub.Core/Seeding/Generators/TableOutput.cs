namespace DHub.Core.Seeding.Generators;

/// <summary>
/// Facts one table records while its rows are generated, for the tables after it. Rows are lazy,
/// so the facts exist only once the producing table has been enumerated to the end; reading them
/// earlier throws, naming that table and its phase, so a wrong order in <see cref="SeedPhases"/>
/// fails loudly instead of generating from an empty or half-filled registry.
/// </summary>
internal abstract class TableOutput(string producer)
{
    private bool _complete;

    /// <summary>The producing table, as <c>database.table</c>.</summary>
    public string Producer { get; } = producer;

    /// <summary>Forgets earlier facts: the producer is (re)starting its rows.</summary>
    internal void Begin()
    {
        _complete = false;
        Clear();
    }

    /// <summary>The producer has generated its last row: from now on the facts may be read.</summary>
    internal void Complete() => _complete = true;

    protected abstract void Clear();

    /// <exception cref="InvalidOperationException">The producing table has not been generated to the end.</exception>
    protected void EnsureComplete()
    {
        if (!_complete)
        {
            throw new InvalidOperationException(
                $"The facts of {Producer} were read before that table was generated; {PhaseOf(Producer)} must come first in the seed pipeline.");
        }
    }

    // Only on the error path: factories build lazy loads, so a fresh context names every table cheaply.
    private static string PhaseOf(string table)
    {
        var probe = new SeedContext(new SeedOptions());
        var phase = SeedPhases.All.FirstOrDefault(p => p.Tables.Select(f => f(probe)).Any(l => $"{l.Database}.{l.Table}" == table));
        return phase is null ? $"a phase loading {table}" : $"its phase ({phase.SpanName})";
    }
}
