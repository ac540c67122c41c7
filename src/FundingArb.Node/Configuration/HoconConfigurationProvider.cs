using System.Globalization;
using FundingArb.Kernel.Configuration;

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
        if (config is not null)
        {
            foreach (var (key, value) in config.Root.GetObject())
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

        return ConfigurationFactory.ParseFile(path);
    }

    private static void Flatten(Dictionary<string, string?> data, string key, HoconValue value)
    {
        switch (value.Kind)
        {
            case HoconValueKind.Object when value.GetObject().Count > 0:
                foreach (var (childKey, child) in value.GetObject())
                {
                    Flatten(data, ConfigurationPath.Combine(key, childKey), child);
                }

                break;
            case HoconValueKind.Array when value.GetArray().Count > 0:
                var items = value.GetArray();
                for (var i = 0; i < items.Count; i++)
                {
                    Flatten(data, ConfigurationPath.Combine(key, i.ToString(CultureInfo.InvariantCulture)), items[i]);
                }

                break;
            case HoconValueKind.Object or HoconValueKind.Array:
                data[key] = null;
                break;
            default:
                data[key] = value.GetString();
                break;
        }
    }
}
