namespace FundingArb.Venues.Hocon;

/// One text of a document (the file itself or an include), with the edits that make it readable by Akka's parser.
internal sealed class HoconSource
{
    private readonly List<(int Start, int Length, string Replacement)> _edits = [];

    public HoconSource(string file, string text, string directory)
    {
        File = file;
        Text = text;
        Directory = directory;
    }

    /// How positions name this text: the full path of a file, or the name given to a string.
    public string File { get; }

    public string Text { get; }

    /// Where its includes are looked up.
    public string Directory { get; }

    /// Its includes by the name Akka's parser asks for; null for an optional include that does not exist.
    public Dictionary<string, HoconSource?> Includes { get; } = new(StringComparer.Ordinal);

    /// Edits never overlap: each is a substitution, an include's argument, a comma or a whole field.
    public void Replace(int start, int length, string replacement) => _edits.Add((start, length, replacement));

    public string Rewrite()
    {
        var text = Text;
        foreach (var (start, length, replacement) in _edits.OrderByDescending(e => e.Start))
        {
            text = string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(start + length));
        }

        return text;
    }
}
