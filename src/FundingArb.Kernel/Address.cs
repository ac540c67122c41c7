namespace FundingArb.Kernel;

/// <summary>
/// Where an actor system lives: the protocol and system name, and for a remote-reachable node its host and port.
/// </summary>
public sealed record Address(string Protocol, string System, string? Host = null, int? Port = null)
{
    /// <summary>The protocol of local, in-process systems.</summary>
    public const string LocalProtocol = "fundingarb";

    public override string ToString() =>
        Host is null ? $"{Protocol}://{System}" : $"{Protocol}://{System}@{Host}:{Port}";
}
