namespace DHub.AppHost.Postgres;

/// <summary>Answers whether a container runtime (Docker or Podman) is usable right now.</summary>
public interface IContainerRuntimeProbe
{
    bool IsAvailable();
}
