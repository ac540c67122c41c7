using System.Collections.Immutable;
using System.Text.Json;
using FundingArb.Venues.Simulation.Snapshots;

namespace FundingArb.Venues.Paper;

// The paper account in plain serializable values, with the simulator's own snapshot records for orders, positions,
// payments and wallets. The venue's market data is not in it: it is the venue's, read again after a restart.

/// What PaperVenue.Export writes and a new PaperVenue restores, so a restarted node resumes the same paper account.
public sealed record PaperVenueSnapshot
{
    /// The format's name; a reader refuses any other.
    public const string CurrentFormat = "paper-venue.v1";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public string Format { get; init; } = CurrentFormat;

    public required string Venue { get; init; }

    /// The venue's time when the state was taken.
    public required DateTimeOffset At { get; init; }

    public required long OrderNumber { get; init; }

    public required long TradeNumber { get; init; }

    public required long EventSequence { get; init; }

    public required ImmutableArray<AssetAmount> Wallets { get; init; }

    public required ImmutableArray<PaperMarketSnapshot> Markets { get; init; }

    public required ImmutableArray<OrderSnapshot> Orders { get; init; }

    public required ImmutableArray<FundingPaymentSnapshot> FundingPayments { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    public static PaperVenueSnapshot FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        var snapshot = JsonSerializer.Deserialize<PaperVenueSnapshot>(json, s_json) ?? throw new FormatException("The snapshot is empty.");
        return snapshot.Format == CurrentFormat
            ? snapshot
            : throw new FormatException($"Unknown snapshot format '{snapshot.Format}', expected '{CurrentFormat}'.");
    }
}
