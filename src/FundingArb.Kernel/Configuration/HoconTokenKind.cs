namespace FundingArb.Kernel.Configuration;

internal enum HoconTokenKind
{
    EndOfFile,
    Newline,
    Whitespace,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Comma,
    Colon,
    EqualsSign,
    PlusEquals,
    QuotedString,
    UnquotedString,
    Number,
    True,
    False,
    Null,
    Substitution,
}
