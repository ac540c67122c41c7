using System.Globalization;
using Akka.Configuration;
using Akka.Configuration.Hocon;
using FundingArb.Venues.Hocon;

namespace FundingArb.Node.Configuration;

/// Flattens HOCON into configuration keys the way the JSON provider flattens JSON: objects become
/// <c>a:b:c</c>, arrays <c>a:0</c>, <c>a:1</c>, scalars their text as written (so durations stay
/// <c>10s</c>, numbers keep every digit), null and empty objects or arrays a null value.
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly HoconConfigurationSource _source;

    public HoconConfigurationProvider(HoconConfigurationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    public override void Load()
    {
        var config = _source.Config ?? ParseFile();
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (config is { IsEmpty: false } && config.Root.GetObject() is { } root)
        {
            foreach (var (key, value) in root.Items)
            {
                Flatten(data, key, value);
            }
        }

        Data = data;
    }

    private Config? ParseFile()
    {
        var path = _source.Path ?? throw new InvalidOperationException("A HOCON configuration source needs a Path or a Config.");
        if (_source.Optional && !File.Exists(path))
        {
            return null;
        }

        return HoconDocument.ParseFile(path).Config;
    }

    private static void Flatten(Dictionary<string, string?> data, string key, HoconValue value)
    {
        if (value.GetObject() is { Items.Count: > 0 } section)
        {
            foreach (var (childKey, child) in section.Items)
            {
                Flatten(data, ConfigurationPath.Combine(key, childKey), child);
            }
        }
        else if (value.IsArray())
        {
            var items = value.GetArray();
            for (var i = 0; i < items.Count; i++)
            {
                Flatten(data, ConfigurationPath.Combine(key, i.ToString(CultureInfo.InvariantCulture)), items[i]);
            }
        }
        else
        {
            // An empty object or list, or null (GetString is null for all three).
            data[key] = value.IsString() ? value.GetString() : null;
        }
    }
}
