namespace FundingArb.Venues.Hocon;

/// The one spelling of a path in positions and error messages: keys joined by '.', a key in quotes when it holds a
/// character that paths use (. " [ ] or whitespace) or is empty, a list element as [i]: scenario.venues[0].maker-fee,
/// fundingarb.node.logging.overrides."Microsoft.AspNetCore". A single quoted key is also a valid Akka path.
public static class HoconPath
{
    public static string Quote(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length > 0 && !key.Any(c => c is '.' or '"' or '[' or ']' || char.IsWhiteSpace(c))
            ? key
            : $"\"{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
    }

    /// The path of a key of the object at path ("" is the root).
    public static string Join(string path, string key)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length == 0 ? Quote(key) : $"{path}.{Quote(key)}";
    }

    public static string Element(string path, int index) => $"{path}[{index}]";

    /// The path of the object or list that holds path; null for a key of the root.
    public static string? Parent(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(']'))
        {
            return path[..path.LastIndexOf('[')];
        }

        var start = path.Length - 1;
        if (path.EndsWith('"'))
        {
            // Back to the opening quote; an escaped quote has a backslash before it.
            start--;
            while (start > 0 && !(path[start] == '"' && path[start - 1] != '\\'))
            {
                start--;
            }
        }

        var dot = path.LastIndexOf('.', Math.Max(start, 0));
        return dot < 0 ? null : path[..dot];
    }
}
