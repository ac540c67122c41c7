using System.Text.Json;
using System.Text.Json.Serialization;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>Source-generated JSON metadata for the benchmark event, as an event-heavy node would register its events.</summary>
[JsonSerializable(typeof(BenchEvent))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
