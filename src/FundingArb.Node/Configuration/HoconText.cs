using System.Text.Json;

namespace FundingArb.Node.Configuration;

/// Writes a value into HOCON text the node builds (overrides from options, the environment, the data folder).
public static class HoconText
{
    /// The text as a quoted HOCON string: a JSON string literal, which HOCON reads unchanged (quotes, backslashes and
    /// control characters escaped).
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JsonSerializer.Serialize(text);
    }
}
