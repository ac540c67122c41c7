using System.Collections.Immutable;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Venues.Scenarios;

public static partial class ScenarioLoader
{
    private const string CrashAndRestart = "crash-and-restart";

    // The keys each fault kind takes besides at, venue and kind.
    private static readonly Dictionary<string, string[]> s_faultKinds = new(StringComparer.Ordinal)
    {
        ["reject-orders"] = ["count", "error"],
        ["no-fill"] = ["duration"],
        ["partial-fill"] = ["ratio", "count"],
        ["disconnect"] = ["duration"],
        ["rate-limit"] = ["duration"],
        ["delay-ack"] = ["delay", "count"],
        ["fill-after-cancel"] = ["count", "ratio", "delay"],
        [CrashAndRestart] = ["down"],
    };

    private static (Dictionary<VenueId, ImmutableArray<VenueFault>> Faults, ImmutableArray<NodeCrash> Crashes) ReadFaults(
        ScenarioSection scenario, DateTimeOffset start, List<VenueDraft> venues)
    {
        var faults = venues.ToDictionary(v => v.Settings.Id, _ => new List<VenueFault>());
        var crashes = new List<NodeCrash>();
        var anyKey = s_faultKinds.Values.SelectMany(k => k).Concat(["at", "venue", "kind"]).Distinct().ToArray();
        foreach (var section in scenario.List("faults", anyKey, required: false))
        {
            var kind = section.String("kind");
            if (!s_faultKinds.TryGetValue(kind, out var keys))
            {
                throw section.Error("kind", $"unknown fault kind '{kind}'; expected one of {string.Join(", ", s_faultKinds.Keys)}");
            }

            var fault = section.Restrict([.. keys, "at", "kind", .. kind == CrashAndRestart ? Array.Empty<string>() : ["venue"]]);
            var at = fault.Instant("at", start);
            if (at < start)
            {
                throw fault.Error("at", $"{at:O} is before the scenario starts ({start:O})");
            }

            if (kind == CrashAndRestart)
            {
                crashes.Add(new NodeCrash(at, fault.NonNegativeDuration("down", TimeSpan.Zero)));
                continue;
            }

            var venueName = fault.String("venue");
            var venue = venues.FirstOrDefault(v => v.Settings.Id.Value == venueName)
                ?? throw fault.Error("venue", $"no venue '{venueName}' is declared in scenario.venues");
            faults[venue.Settings.Id].Add(fault.Build(() => ReadFault(fault, kind, at)));
        }

        return (faults.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray()), [.. crashes.OrderBy(c => c.At)]);
    }

    /// One venue fault as a scenario's `faults` list writes it, without `venue` and `at` (JSON is HOCON too:
    /// {"kind":"disconnect","duration":"30s"}), starting at `at`. The exchange's admin endpoint injects these.
    /// <exception cref="HoconSyntaxException">The text is not HOCON.</exception>
    /// <exception cref="ScenarioException">An unknown kind or key, or a bad value; the message names the key.</exception>
    public static VenueFault ParseFault(string hocon, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        var document = HoconDocument.Parse(hocon, "fault", _ => null);
        var venueKinds = s_faultKinds.Keys.Where(k => k != CrashAndRestart).ToArray();
        var section = new ScenarioSection(new HoconReader(document.Config, ""), document.Positions,
            [.. venueKinds.SelectMany(k => s_faultKinds[k]).Distinct(), "kind"]);
        var kind = section.String("kind");
        if (!venueKinds.Contains(kind))
        {
            throw section.Error("kind", $"unknown fault kind '{kind}'; expected one of {string.Join(", ", venueKinds)}");
        }

        var fault = section.Restrict([.. s_faultKinds[kind], "kind"]);
        return fault.Build(() => ReadFault(fault, kind, at));
    }

    private static VenueFault ReadFault(ScenarioSection fault, string kind, DateTimeOffset at) => kind switch
    {
        "reject-orders" => new RejectOrdersFault(at, Count(fault), fault.Enum("error", VenueError.VenueUnavailable)),
        "no-fill" => new NoFillFault(at, fault.PositiveDuration("duration")),
        "partial-fill" => new PartialFillFault(at, fault.NonNegative("ratio"), Count(fault)),
        "disconnect" => new DisconnectFault(at, fault.PositiveDuration("duration")),
        "rate-limit" => new RateLimitFault(at, fault.PositiveDuration("duration")),
        "delay-ack" => new DelayAckFault(at, fault.PositiveDuration("delay"), Count(fault)),
        "fill-after-cancel" => new FillAfterCancelFault(at, Count(fault), fault.Positive("ratio", 1m), fault.PositiveDuration("delay", TimeSpan.FromSeconds(1))),
        _ => throw fault.Error("kind", $"unknown fault kind '{kind}'"),
    };

    private static int Count(ScenarioSection fault) => fault.Int("count", 1, minimum: 1);
}
