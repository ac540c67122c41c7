using System.Collections.Immutable;

namespace FundingArb.Node.Tests.Deploy;

/// The parts of one compose service the deploy checks read, with the file's ${VAR:-default} interpolated.
/// Ports are the container ports published (`[IP:]HOST:CONTAINER`), Expose the ones only other services reach.
internal sealed record ComposeService(
    string Name,
    string? Image,
    string? Dockerfile,
    ImmutableArray<string> Command,
    ImmutableDictionary<string, string> Environment,
    ImmutableArray<(int Host, int Container)> Ports,
    ImmutableArray<int> Expose,
    ImmutableArray<string> DependsOn,
    ImmutableDictionary<string, string> Labels,
    ImmutableArray<string> VolumeTargets,
    TimeSpan? StopGracePeriod)
{
    /// The value after option in the command (`--config FILE`), or null.
    public string? Option(string option)
    {
        var at = Command.IndexOf(option);
        return at >= 0 && at + 1 < Command.Length ? Command[at + 1] : null;
    }
}
