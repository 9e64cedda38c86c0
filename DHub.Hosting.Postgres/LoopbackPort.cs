using System.Net;
using System.Net.Sockets;

namespace DHub.Hosting.Postgres;

/// <summary>A TCP port on 127.0.0.1 that nothing listens on, for a server of our own.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// Lets the OS pick a free port and releases it at once. Someone else could take it before our
    /// server binds it; on a test or developer machine that race is rare enough to accept.
    /// </summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
