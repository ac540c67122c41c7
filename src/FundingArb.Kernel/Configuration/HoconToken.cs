using System.Collections.Immutable;

namespace FundingArb.Kernel.Configuration;

/// One token. Text is the unescaped value for quoted strings and the raw text otherwise, so numbers keep
/// the digits they were written with (the spec needs them for path keys and concatenation).
internal readonly record struct HoconToken(HoconTokenKind Kind, string Text, HoconOrigin Origin)
{
    /// The path of a substitution token.
    public ImmutableArray<string> Path { get; init; }

    /// True for <c>${?path}</c>.
    public bool IsOptional { get; init; }

    public bool IsSimpleValue => Kind is HoconTokenKind.QuotedString or HoconTokenKind.UnquotedString
        or HoconTokenKind.Number or HoconTokenKind.True or HoconTokenKind.False or HoconTokenKind.Null;

    public string Describe() => Kind switch
    {
        HoconTokenKind.EndOfFile => "end of input",
        HoconTokenKind.Newline => "newline",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.QuotedString => HoconWriter.Quote(Shorten(Text)),
        HoconTokenKind.Substitution => Text,
        _ => $"'{Shorten(Text)}'",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
