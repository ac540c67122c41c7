namespace FundingArb.Kernel.Configuration;

/// <c>${path}</c> or <c>${?path}</c>. Prefix is where the document holding it was included, so that it is
/// looked up first relative to the included file's root, then relative to the whole document's root.
internal sealed class HoconSubstitutionNode : HoconNode
{
    public HoconSubstitutionNode(string[] path, string[] prefix, bool isOptional, string text, HoconOrigin origin)
        : base(origin)
    {
        Path = path;
        Prefix = prefix;
        IsOptional = isOptional;
        Text = text;
    }

    public string[] Path { get; }

    public string[] Prefix { get; }

    public bool IsOptional { get; }

    /// As written, for messages: <c>${?a.b}</c>.
    public string Text { get; }

    /// The environment variable consulted when the document does not define the path.
    public string EnvironmentName => string.Join('.', Path);
}
