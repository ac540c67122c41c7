using System.Text.Json;

namespace FundingArb.Venues.Hocon;

/// One document being scanned: its texts (the file and its includes), where each key was written, and the
/// substitutions to settle before Akka's parser sees the text. Akka 1.5's parser reads ${path} only for paths of
/// the document itself: it has no ${?path} and no environment variables, so those are settled here, as HOCON
/// specifies them: a path of the document first, then an environment variable of that name; an unset ${?path}
/// removes its key (or list element).
internal sealed class HoconScan
{
    private const int MaxIncludeDepth = 32;

    private readonly Dictionary<string, HoconPosition> _positions = new(StringComparer.Ordinal);
    private readonly List<SubstitutionSite> _substitutions = [];
    private readonly Func<string, string?> _environment;
    private int _includeDepth;

    private HoconScan(Func<string, string?> environment)
    {
        _environment = environment;
    }

    /// Scans the text and its includes, and edits them so that Akka's parser reads what HOCON means.
    public static (HoconSource Root, HoconPositions Positions) Run(HoconSource root, Func<string, string?> environment)
    {
        var scan = new HoconScan(environment);
        new HoconScanner(scan, root).ScanDocument("");
        scan.Settle();
        return (root, new HoconPositions(scan._positions));
    }

    /// The text as a HOCON (JSON) string.
    public static string Quote(string text) => JsonSerializer.Serialize(text);

    /// Records that path is written at position; returns where it was written before, if it was.
    public HoconPosition? Define(string path, HoconPosition position)
    {
        HoconPosition? previous = _positions.TryGetValue(path, out var earlier) ? earlier : null;
        _positions[path] = position;
        return previous;
    }

    public void Add(SubstitutionSite site) => _substitutions.Add(site);

    /// Scans the file name names, under prefix; null for an optional include that does not exist.
    public HoconSource? Include(HoconSource into, string name, bool required, string prefix, HoconPosition at)
    {
        var file = FindInclude(into.Directory, name);
        if (file is null)
        {
            into.Includes[name] = required ? throw new HoconSyntaxException(at, $"cannot include '{name}': no such file in {into.Directory}") : null;
            return null;
        }

        if (++_includeDepth > MaxIncludeDepth)
        {
            throw new HoconSyntaxException(at, $"includes nest more than {MaxIncludeDepth} deep (does '{name}' include itself?)");
        }

        var included = new HoconSource(file, File.ReadAllText(file), Path.GetDirectoryName(file)!);
        new HoconScanner(this, included).ScanDocument(prefix);
        into.Includes[name] = included;
        _includeDepth--;
        return included;
    }

    // HOCON's rule for a name without an extension: name.conf, else name.json.
    private static string? FindInclude(string directory, string name)
    {
        var path = Path.GetFullPath(name, directory);
        string[] candidates = Path.HasExtension(path) ? [path] : [path, path + ".conf", path + ".json"];
        return candidates.FirstOrDefault(File.Exists);
    }

    private void Settle()
    {
        foreach (var site in _substitutions)
        {
            var related = site.Target == site.FieldPath || IsWithin(site.FieldPath, site.Target) || IsWithin(site.Target, site.FieldPath);
            if (related)
            {
                // Akka's parser resolves a self-reference into itself and recurses until the stack overflows.
                throw new HoconSyntaxException(site.Position, $"{Written(site)} refers to {site.FieldPath}, the key it sets; Akka's HOCON parser cannot resolve that");
            }

            if (_positions.ContainsKey(site.Target))
            {
                if (site.Optional)
                {
                    site.Source.Replace(site.Start, site.End - site.Start, "${" + string.Join('.', site.Keys.Select(HoconPath.Quote)) + "}");
                }

                continue;
            }

            if (_environment(site.Variable) is { } value)
            {
                site.Source.Replace(site.Start, site.End - site.Start, Quote(value));
            }
            else if (!site.Optional)
            {
                throw new HoconSyntaxException(site.Position,
                    $"cannot resolve {Written(site)}: no key {site.Target} in the configuration and no environment variable '{site.Variable}' (use ${{?{site.Variable}}} if it is optional)");
            }
            else if (!site.WholeValue)
            {
                throw new HoconSyntaxException(site.Position, $"{Written(site)} is not set, and an unset optional substitution is supported only as a whole value");
            }
            else
            {
                Remove(site);
            }
        }
    }

    // The field goes, with the comma after it (Akka's parser refuses a comma that separates nothing). The spaces
    // between them are already an edit of their own (HoconScanner drops whitespace after a value).
    private void Remove(SubstitutionSite site)
    {
        var text = site.Source.Text;
        site.Source.Replace(site.FieldStart, site.FieldEnd - site.FieldStart, "");
        var next = site.FieldEnd;
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }

        if (next < text.Length && text[next] == ',')
        {
            site.Source.Replace(next, 1, "");
        }

        if (_positions.TryGetValue(site.FieldPath, out var current) && current == site.FieldPosition)
        {
            if (site.PreviousPosition is { } previous)
            {
                _positions[site.FieldPath] = previous;
            }
            else
            {
                _positions.Remove(site.FieldPath);
            }
        }
    }

    private static bool IsWithin(string path, string ancestor) =>
        path.StartsWith(ancestor + ".", StringComparison.Ordinal) || path.StartsWith(ancestor + "[", StringComparison.Ordinal);

    private static string Written(SubstitutionSite site) => site.Source.Text[site.Start..site.End];
}
