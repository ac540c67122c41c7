using Akka.Configuration;

namespace FundingArb.Node.Configuration;

public static class HoconConfigurationExtensions
{
    /// Adds a HOCON file (read by HoconDocument: Akka's parser, errors with their line); a relative path is taken from
    /// the current directory (the host's content root). Includes are relative to the file and substitutions fall back
    /// to the process environment.
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add(new HoconConfigurationSource { Path = Path.GetFullPath(path), Optional = optional });
    }

    /// Adds an already parsed configuration, for example one merged with <see cref="Config.WithFallback"/>.
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, Config config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        return builder.Add(new HoconConfigurationSource { Config = config });
    }
}
