namespace FundingArb.Venues.Hocon;

/// One text of a document (the file itself or an include), with the edits that make it readable by Akka's parser.
internal sealed class HoconSource
{
    // An edit replaces its span by Replacement, or by the rewritten text of Inlined (an include at the top).
    private readonly List<(int Start, int Length, string? Replacement, HoconSource? Inlined)> _edits = [];

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

    /// Edits never overlap: each is a substitution, an include's argument or statement, a comma or a whole field.
    public void Replace(int start, int length, string replacement) => _edits.Add((start, length, replacement, null));

    /// Replaces an include statement by the included text as it will be rewritten, on lines of its own.
    public void Inline(int start, int length, HoconSource included) => _edits.Add((start, length, null, included));

    /// One pass over the text (a large scenario has thousands of edits). Of two insertions at one place, the later
    /// one comes first.
    public string Rewrite()
    {
        var text = new System.Text.StringBuilder(Text.Length + 64);
        var copied = 0;
        foreach (var (start, length, replacement, inlined) in _edits.Select((edit, order) => (edit, order))
                     .OrderBy(e => e.edit.Start).ThenByDescending(e => e.order).Select(e => e.edit))
        {
            text.Append(Text, copied, start - copied);
            if (inlined is null)
            {
                text.Append(replacement);
            }
            else
            {
                text.Append('\n').Append(inlined.Rewrite()).Append('\n');
            }

            copied = start + length;
        }

        return text.Append(Text, copied, Text.Length - copied).ToString();
    }
}
