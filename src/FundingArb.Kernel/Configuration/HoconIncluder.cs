namespace FundingArb.Kernel.Configuration;

/// Finds and parses included documents: files relative to the including file, or names handed to the
/// caller's resolver relative to the including name. One includer serves one top-level parse and
/// remembers the documents being parsed, to report include cycles instead of recursing forever.
internal sealed class HoconIncluder
{
    private static readonly string[] s_extensions = [".properties", ".json", ".conf"];

    private readonly bool _files;
    private readonly Func<string, string?>? _resolver;
    private readonly List<string> _active = [];

    private HoconIncluder(bool files, Func<string, string?>? resolver)
    {
        _files = files;
        _resolver = resolver;
    }

    public static HoconIncluder ForFiles() => new(files: true, resolver: null);

    public static HoconIncluder ForResolver(Func<string, string?>? resolver) => new(files: false, resolver);

    /// Parses the root document, tracked like an include so that a file including itself is caught.
    public HoconObjectNode ParseRoot(string text, string? name)
    {
        if (name is not null)
        {
            _active.Add(name);
        }

        return HoconParser.ParseDocument(text, name, this, []);
    }

    /// Returns the included fields, or null when nothing was found and the include is not required.
    public HoconObjectNode? Include(HoconIncludeTarget target, string? includingName, string[] prefix)
    {
        if (target.Kind is HoconIncludeKind.Url or HoconIncludeKind.Classpath)
        {
            var kind = target.Kind == HoconIncludeKind.Url ? "url" : "classpath";
            throw new HoconParseException(target.Origin, $"{kind}(\"...\") includes are not supported; use a file name");
        }

        var hasExtension = s_extensions.Any(e => target.Name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

        // A name without a known extension is a basename: every format found is loaded, HOCON last so it wins.
        var candidates = hasExtension ? [target.Name] : s_extensions.Select(e => target.Name + e).Append(target.Name);
        HoconObjectNode? result = null;
        foreach (var candidate in candidates)
        {
            if (result is not null && candidate == target.Name)
            {
                break;
            }

            var location = Locate(includingName, candidate);
            var text = Read(location, target);
            if (text is null)
            {
                continue;
            }

            var included = Parse(text, location, target, prefix);
            if (result is null)
            {
                result = included;
            }
            else
            {
                result.Fields.MergeFrom(included.Fields);
            }
        }

        if (result is null && target.Required)
        {
            throw new HoconParseException(target.Origin, $"required include \"{target.Name}\" was not found"
                + (_files || _resolver is not null ? "" : " (the string was parsed without an IncludeResolver)"));
        }

        return result;
    }

    private HoconObjectNode Parse(string text, string location, HoconIncludeTarget target, string[] prefix)
    {
        if (_active.Contains(location))
        {
            throw new HoconParseException(target.Origin, $"include cycle: \"{location}\" is already being parsed ({string.Join(" -> ", _active)})");
        }

        _active.Add(location);
        try
        {
            return location.EndsWith(".properties", StringComparison.OrdinalIgnoreCase)
                ? PropertiesParser.Parse(text, location)
                : HoconParser.ParseDocument(text, location, this, prefix);
        }
        finally
        {
            _active.RemoveAt(_active.Count - 1);
        }
    }

    private string Locate(string? includingName, string name)
    {
        if (_files)
        {
            var directory = Path.GetDirectoryName(includingName) ?? "";
            return Path.GetFullPath(Path.IsPathRooted(name) ? name : Path.Combine(directory, name));
        }

        // Resolver names work like resource names: "/x" is from the root, "x" is next to the including name.
        if (name.StartsWith('/'))
        {
            return name[1..];
        }

        var slash = includingName?.LastIndexOf('/') ?? -1;
        return slash < 0 ? name : string.Concat(includingName.AsSpan(0, slash + 1), name);
    }

    private string? Read(string location, HoconIncludeTarget target)
    {
        if (!_files)
        {
            return _resolver?.Invoke(location);
        }

        try
        {
            return File.Exists(location) ? File.ReadAllText(location) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconParseException(target.Origin, $"cannot read included file \"{location}\": {e.Message}", e);
        }
    }
}
