namespace FundingArb.Kernel.Configuration;

#pragma warning disable CA1720 // The members are JSON's type names, as in System.Text.Json.JsonValueKind.

/// <summary>The JSON type of a resolved HOCON value.</summary>
public enum HoconValueKind
{
    /// <summary>An object with ordered, unique keys.</summary>
    Object,

    /// <summary>An ordered list of values.</summary>
    Array,

    /// <summary>A quoted or unquoted string, or a value concatenation.</summary>
    String,

    /// <summary>A number, kept exactly as written.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,
}
