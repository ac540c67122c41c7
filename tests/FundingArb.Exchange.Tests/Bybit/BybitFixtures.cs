using System.Text.Json;

namespace FundingArb.Exchange.Tests.Bybit;

/// The recorded Bybit payloads in Fixtures/bybit (see its README for where each comes from), and the shape check
/// the server's answers must pass against them.
internal static class BybitFixtures
{
    public static JsonElement Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bybit", name)));
        return document.RootElement.Clone();
    }

    /// Every field the server sends is a field of the fixture, with the same JSON type (a null in the fixture admits
    /// any). Arrays compare their first items. The server may leave fields out; it may not invent or retype one.
    public static void AssertShape(string fixtureName, JsonElement actual) => AssertShape(Load(fixtureName), actual, fixtureName);

    private static void AssertShape(JsonElement fixture, JsonElement actual, string path)
    {
        if (fixture.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        Assert.True(Kind(fixture) == Kind(actual), $"{path}: the fixture has {Kind(fixture)}, the server sent {Kind(actual)}");
        if (actual.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in actual.EnumerateObject())
            {
                Assert.True(fixture.TryGetProperty(property.Name, out var expected), $"{path}.{property.Name}: not a field of the fixture");
                AssertShape(expected, property.Value, $"{path}.{property.Name}");
            }
        }
        else if (actual.ValueKind == JsonValueKind.Array && actual.GetArrayLength() > 0 && fixture.GetArrayLength() > 0)
        {
            AssertShape(fixture[0], actual[0], $"{path}[0]");
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind is JsonValueKind.True or JsonValueKind.False ? "Boolean" : element.ValueKind.ToString();
}
