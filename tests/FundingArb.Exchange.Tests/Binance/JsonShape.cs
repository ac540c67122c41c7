using System.Text.Json;

namespace FundingArb.Exchange.Tests.Binance;

// Compares two JSON documents by shape: the same field names with the same JSON types (true and false are one type),
// values ignored. Array elements are compared with the fixture's first element, except Binance's filter lists,
// whose elements differ by filterType and are paired by it.
internal static class JsonShape
{
    public static IReadOnlyList<string> Differences(JsonElement fixture, JsonElement answer)
    {
        var differences = new List<string>();
        Compare(fixture, answer, string.Empty, differences);
        return differences;
    }

    private static void Compare(JsonElement fixture, JsonElement answer, string path, List<string> differences)
    {
        if (Kind(fixture) != Kind(answer))
        {
            differences.Add($"type {path}: {Kind(fixture)} in the fixture, {Kind(answer)} served");
            return;
        }

        if (fixture.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in fixture.EnumerateObject())
            {
                if (answer.TryGetProperty(field.Name, out var served))
                {
                    Compare(field.Value, served, $"{path}.{field.Name}", differences);
                }
                else
                {
                    differences.Add($"missing {path}.{field.Name}");
                }
            }

            differences.AddRange(answer.EnumerateObject().Where(f => !fixture.TryGetProperty(f.Name, out _)).Select(f => $"extra {path}.{f.Name}"));
        }
        else if (fixture.ValueKind == JsonValueKind.Array && fixture.GetArrayLength() > 0 && answer.GetArrayLength() > 0)
        {
            if (FilterType(fixture[0]) is null)
            {
                Compare(fixture[0], answer[0], $"{path}[]", differences);
                return;
            }

            var served = answer.EnumerateArray().ToDictionary(e => FilterType(e) ?? string.Empty, StringComparer.Ordinal);
            foreach (var filter in fixture.EnumerateArray())
            {
                var type = FilterType(filter)!;
                if (served.Remove(type, out var element))
                {
                    Compare(filter, element, $"{path}[{type}]", differences);
                }
                else
                {
                    differences.Add($"missing {path}[{type}]");
                }
            }

            differences.AddRange(served.Keys.Select(type => $"extra {path}[{type}]"));
        }
    }

    private static string? FilterType(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("filterType", out var type) ? type.GetString() : null;

    private static string Kind(JsonElement element) =>
        element.ValueKind is JsonValueKind.True or JsonValueKind.False ? "Boolean" : element.ValueKind.ToString();
}
