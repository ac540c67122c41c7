using System.Text.RegularExpressions;

namespace FundingArb.Persistence.Sql;

/// <summary>Schema names go into SQL text, so only plain identifiers are accepted.</summary>
internal static partial class SqlIdentifier
{
    public static void Validate(string identifier, string parameterName)
    {
        if (!Plain().IsMatch(identifier))
        {
            throw new ArgumentException($"'{identifier}' is not a plain SQL identifier (letters, digits and '_', starting with a letter or '_', at most 63).", parameterName);
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex Plain();
}
