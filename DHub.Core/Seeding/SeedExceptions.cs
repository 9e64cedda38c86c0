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
