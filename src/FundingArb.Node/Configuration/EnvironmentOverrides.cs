using System.Collections;
using System.Text;
using FundingArb.Venues.Hocon;

namespace FundingArb.Node.Configuration;

// The convention of the HOCON reference implementation (Lightbend config's override_with_env_vars), so operators
// who know it need nothing new: CONFIG_FORCE_ then the path, where "_" separates keys, "__" stands for "-" and
// "___" for "_". CONFIG_FORCE_fundingarb_node_http_port=5081 sets fundingarb.node.http.port.

/// Configuration keys overridden by environment variables named CONFIG_FORCE_path.
public static class EnvironmentOverrides
{
    public const string Prefix = "CONFIG_FORCE_";

    /// Positions name the lines of "environment (CONFIG_FORCE_*)", one variable a line in name order.
    public static HoconDocument From(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = new StringBuilder();
        foreach (var (name, value) in Variables(environment).OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            text.Append(PathOf(name[Prefix.Length..])).Append(" = ").Append(HoconText.Quote(value)).Append('\n');
        }

        return text.Length == 0 ? HoconDocument.Empty : HoconDocument.Parse(text.ToString(), "environment (CONFIG_FORCE_*)", _ => null);
    }

    /// The HOCON path a variable's name (without the prefix) stands for, each key quoted.
    public static string PathOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var keys = new List<string>();
        var key = new StringBuilder();
        var i = 0;
        while (i < name.Length)
        {
            if (name[i] != '_')
            {
                key.Append(name[i++]);
                continue;
            }

            var run = 0;
            for (; i < name.Length && name[i] == '_'; i++)
            {
                run++;
            }

            // Left to right: each "___" is a literal "_", then "__" is a "-" or "_" ends the key.
            for (; run >= 3; run -= 3)
            {
                key.Append('_');
            }

            if (run == 2)
            {
                key.Append('-');
            }
            else if (run == 1)
            {
                keys.Add(key.ToString());
                key.Clear();
            }
        }

        keys.Add(key.ToString());
        return string.Join('.', keys.Select(HoconText.Quote));
    }

    private static IEnumerable<(string Name, string Value)> Variables(IDictionary environment)
    {
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.Ordinal) && name.Length > Prefix.Length)
            {
                yield return (name, entry.Value as string ?? "");
            }
        }
    }
}
