namespace DHub.Core.Seeding;

/// <summary>A seed operation failed for a reason the user can act on; the message says which.</summary>
public class SeedException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class InvalidSeedOptionsException(IReadOnlyList<string> problems)
    : SeedException(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

public sealed class SeedAlreadyRunningException()
    : SeedException("Another seed or clear is running against these databases; wait for it to finish and try again.");

public sealed class SeedFailedException(string message, Exception inner) : SeedException(message, inner);

/// <summary>
/// Tables that are not demo tables hold foreign keys to demo tables, so the demo tables cannot be
/// emptied without emptying those too; a seed or a clear refuses rather than cascade into them.
/// </summary>
public sealed class DemoTablesReferencedException(IReadOnlyList<string> references)
    : Exception(
        $"Tables that are not demo tables hold foreign keys to demo tables: {string.Join("; ", references)}. " +
        "Emptying the demo tables would mean emptying those tables too, which a seed or a clear never does. " +
        "Drop those foreign keys, or the tables, and try again.")
{
    /// <summary>One entry per foreign key, e.g. <c>accounts_db.public.watchlist references customers through foreign key watchlist_customer_fk</c>.</summary>
    public IReadOnlyList<string> References { get; } = references;
}
