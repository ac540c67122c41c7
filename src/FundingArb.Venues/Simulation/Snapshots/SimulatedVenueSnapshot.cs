using System.Collections.Immutable;
using System.Text.Json;

namespace FundingArb.Venues.Simulation.Snapshots;

// The whole dynamic state of a simulated venue, in plain serializable values (no domain types, so renaming a
// domain type cannot orphan a saved file). Settings, markets and faults are not in it: they come from the
// scenario or node config on restart. Requests and stream events in flight are not in it either: a restart drops
// its connections, as a real one does. The event log and the refused requests restart empty.

/// What SimulatedVenue.Export writes and SimulatedVenue.Restore reads, so a restarted node resumes the same venue.
public sealed record SimulatedVenueSnapshot
{
    /// The format's name; a reader refuses any other.
    public const string CurrentFormat = "simulated-venue.v1";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public string Format { get; init; } = CurrentFormat;

    public required string Venue { get; init; }

    public required long Seed { get; init; }

    public required DateTimeOffset At { get; init; }

    public required DateTimeOffset NextStep { get; init; }

    public required long OrderNumber { get; init; }

    public required long TradeNumber { get; init; }

    public required long EventSequence { get; init; }

    public required ImmutableArray<AssetAmount> Wallets { get; init; }

    public required ImmutableArray<AssetAmount> Insurance { get; init; }

    public required ImmutableArray<MarketSnapshot> Markets { get; init; }

    public required ImmutableArray<OrderSnapshot> Orders { get; init; }

    public required ImmutableArray<FundingPaymentSnapshot> FundingPayments { get; init; }

    /// Every market's settlements, held or not; empty in files written before the venue kept them.
    public ImmutableArray<FundingSettlementSnapshot> FundingSettlements { get; init; } = [];

    /// How many requests each counted fault still acts on, in the order the faults were given.
    public required ImmutableArray<int> FaultCounts { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    public static SimulatedVenueSnapshot FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        var snapshot = JsonSerializer.Deserialize<SimulatedVenueSnapshot>(json, s_json)
            ?? throw new FormatException("The snapshot is empty.");
        return snapshot.Format == CurrentFormat
            ? snapshot
            : throw new FormatException($"Unknown snapshot format '{snapshot.Format}', expected '{CurrentFormat}'.");
    }
}
