namespace FundingArb.Kernel.Configuration;

/// <summary>
/// A resolved HOCON object, read with typed getters by path (<c>akka.actor.ask-timeout</c>, or
/// <c>a."b.c".d</c> for keys with dots). Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// A path that is missing or set to <c>null</c> returns the default passed to a getter, or else throws
/// <see cref="ConfigurationException"/>; a value of the wrong type always throws, naming the full path,
/// the value and where it was defined.
/// </remarks>
public sealed partial class Config
{
    private readonly HoconValue _root;

    // This object's path from the root of the parsed document, so that errors name the full path.
    private readonly string _path;

    internal Config(HoconValue root, string path)
    {
        _root = root;
        _path = path;
    }

    /// <summary>True when the object has no keys.</summary>
    public bool IsEmpty => _root.Fields.Count == 0;

    /// <summary>The object this configuration reads from.</summary>
    public HoconValue Root => _root;

    /// <summary>True when the path holds a value other than <c>null</c>.</summary>
    /// <exception cref="ArgumentException">The path is not a valid path expression.</exception>
    public bool HasPath(string path) => Find(path) is { Kind: not HoconValueKind.Null };

    /// <summary>The object at the path; <see cref="ConfigurationFactory.Empty"/>-like when missing or null, as in Akka.NET.</summary>
    /// <exception cref="ConfigurationException">The value is not an object.</exception>
    public Config GetConfig(string path)
    {
        var value = Find(path);
        var fullPath = FullPath(path);
        if (value is null || value.Kind == HoconValueKind.Null)
        {
            return new Config(ConfigurationFactory.Empty.Root, fullPath);
        }

        return value.Kind == HoconValueKind.Object ? new Config(value, fullPath) : throw WrongType(path, value, "an object");
    }

    /// <summary>The keys of this object, in the order they first appear in the document.</summary>
    public IReadOnlyList<string> GetKeys() => _root.Fields.OrderedKeys;

    /// <summary>Where the value at the path was defined, or null when the path is missing.</summary>
    public HoconOrigin? GetOrigin(string path) => Find(path)?.Origin;

    /// <summary>
    /// Returns a configuration where keys missing here, at any depth, come from <paramref name="fallback"/>.
    /// Objects merge; any other value here hides the fallback's. Substitutions were resolved when each side
    /// was parsed, so they do not see the other side.
    /// </summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (fallback.IsEmpty || ReferenceEquals(fallback, this))
        {
            return this;
        }

        return new Config(HoconValue.Merge(_root, fallback._root), _path);
    }

    /// <summary>Every leaf value (scalars, nulls and arrays) with its path from this object, depth first in document order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> AsEnumerable() => Flatten(_root, "");

    /// <summary>Renders the configuration as JSON, which is also valid HOCON.</summary>
    public override string ToString() => _root.ToString();

    private static IEnumerable<KeyValuePair<string, HoconValue>> Flatten(HoconValue value, string prefix)
    {
        foreach (var (key, child) in value.Fields)
        {
            var path = HoconPath.Join(prefix, key);
            if (child.Kind != HoconValueKind.Object)
            {
                yield return new KeyValuePair<string, HoconValue>(path, child);
                continue;
            }

            foreach (var leaf in Flatten(child, path))
            {
                yield return leaf;
            }
        }
    }

    private HoconValue? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = _root;
        foreach (var key in HoconPath.Parse(path))
        {
            if (current.Kind != HoconValueKind.Object || !current.Fields.TryGetValue(key, out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    private string FullPath(string path) => _path.Length == 0 ? path : $"{_path}.{path}";

    private ConfigurationException WrongType(string path, HoconValue value, string expected)
    {
        var fullPath = FullPath(path);
        return new ConfigurationException(fullPath,
            $"Configuration value at '{fullPath}' is {value.Describe()} (defined at {value.Origin}), expected {expected}.");
    }

    private ConfigurationException Missing(string path, HoconValue? value)
    {
        var fullPath = FullPath(path);
        return new ConfigurationException(fullPath, value is null
            ? $"No configuration value at '{fullPath}'."
            : $"Configuration value at '{fullPath}' is null (defined at {value.Origin}).");
    }
}
