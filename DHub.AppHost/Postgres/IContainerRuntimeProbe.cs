namespace DHub.AppHost.Postgres;

/// <summary>Answers whether a container runtime (Docker or Podman) is usable right now.</summary>
public interface IContainerRuntimeProbe
{
    bool IsAvailable();

    /// <summary>The memory the runtime can give its containers, in bytes; null when it cannot be read.</summary>
    long? MemoryBytes() => null;
}
