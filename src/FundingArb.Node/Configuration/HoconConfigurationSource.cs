using Akka.Configuration;

namespace FundingArb.Node.Configuration;

/// A HOCON file, or an already parsed Akka <see cref="Config"/>, as a Microsoft.Extensions.Configuration source.
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// The full path of the file to parse when <see cref="Config"/> is null.
    public string? Path { get; init; }

    /// When true, a missing file contributes no keys instead of failing the build.
    public bool Optional { get; init; }

    /// A parsed configuration to expose as is; takes precedence over <see cref="Path"/>.
    public Config? Config { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
