using FundingArb.Venues.Hocon;

namespace FundingArb.Node.Configuration;

/// A venue's key file: `api-key = ...`, `api-secret = ...` and (OKX) `passphrase = ...` lines; blank lines and lines
/// starting with # are skipped. Errors name the file and line, never a value.
internal static class VenueKeyFile
{
    private static readonly string[] s_names = ["api-key", "api-secret", "passphrase"];

    public static VenueKeys Read(HoconReader venue, string name, string path, bool needsPassphrase)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw venue.Error("key-file", $"venue {name}: the key file {path} cannot be read ({failure.GetType().Name})");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? line : line[..equals].Trim();
            if (equals < 0 || !s_names.Contains(key, StringComparer.Ordinal))
            {
                throw venue.Error("key-file", $"venue {name}: {path} line {i + 1} is not one of `{string.Join(" = ...`, `", s_names)} = ...`");
            }

            values[key] = line[(equals + 1)..].Trim();
        }

        string Required(string key) => values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw venue.Error("key-file", $"venue {name}: the key file {path} has no {key} line");

        return new VenueKeys(Required("api-key"), Required("api-secret"), needsPassphrase ? Required("passphrase") : null, $"key file {path}");
    }
}
