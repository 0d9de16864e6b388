using System.Net;
using System.Net.Sockets;

namespace MockGen.Storage.Tests.Support;

/// <summary>
/// A loopback port the OS reports free right now, for a process or host that must be told its port (Azurite, the
/// Durable test host). Another process may take it before it is bound, so callers retry on "address in use".
/// </summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
