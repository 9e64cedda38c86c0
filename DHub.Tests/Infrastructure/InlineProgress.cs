namespace DHub.Tests.Infrastructure;

/// <summary>
/// Calls back synchronously on the reporting thread (unlike <see cref="Progress{T}"/>, which posts
/// to the thread pool), so a test can act at an exact point of a run.
/// </summary>
public sealed class InlineProgress<T>(Action<T> onReport) : IProgress<T>
{
    public void Report(T value) => onReport(value);
}
