using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.Internal;

/// <summary>Reads a log level from configuration, by Akka's names (DEBUG, INFO, WARNING, ERROR, OFF).</summary>
internal static class LogLevels
{
    public static LogLevel Parse(Config config, string path)
    {
        var text = config.GetString(path);
        return text.ToUpperInvariant() switch
        {
            "DEBUG" => LogLevel.Debug,
            "INFO" => LogLevel.Info,
            "WARNING" or "WARN" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "OFF" => LogLevel.Off,
            _ => throw new ConfigurationException(path, $"{path} = \"{text}\" is not a log level; use DEBUG, INFO, WARNING, ERROR or OFF ({config.GetOrigin(path)})."),
        };
    }
}
