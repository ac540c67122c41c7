using System.Text.Json;

namespace FundingArb.Exchange.Tests.Okx;

/// A JSON document's field names and value kinds, values left out: {a:string,b:[number]}. Arrays are shaped by their
/// first item, so a fixture's one example row stands for every row.
internal static class JsonShape
{
    public static string Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}:{Of(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + (element.GetArrayLength() > 0 ? Of(element[0]) : string.Empty) + "]",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };

    public static JsonDocument Fixture(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "okx", name)));
}
