using System.Text.Json;
using System.Text.Json.Serialization;

namespace FundingArb.Node.Api;

/// The API's JSON: snake_case names (as the scenario report), enums as strings, nulls written.
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
