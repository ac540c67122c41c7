using System.Collections.Concurrent;
using System.Globalization;
using Akka.Configuration;

namespace FundingArb.Actors.Runtime;

// Akka builds a system's scheduler by reflection from its configuration alone (a constructor taking Config and a logger),
// so a TimeProvider cannot be handed to it: it is registered here under an id, and the configuration names the id.
// Akka has no scheduler on a TimeProvider; this and ClockScheduler are the thin piece of our own that gives one.

/// The TimeProviders that actor systems run on, by the id their configuration names.
public static class SchedulerClocks
{
    public const string ClockIdKey = "fundingarb.scheduler.clock-id";

    private static readonly ConcurrentDictionary<string, TimeProvider> s_clocks = new(StringComparer.Ordinal);
    private static long s_lastId;

    /// Registers the clock and returns the configuration that makes a system's scheduler run on it. The registration
    /// ends when that system's scheduler is disposed (the system terminated).
    public static Config Config(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var id = Interlocked.Increment(ref s_lastId).ToString(CultureInfo.InvariantCulture);
        s_clocks[id] = clock;
        return ConfigurationFactory.ParseString($$"""
            {{ClockIdKey}} = "{{id}}"
            akka.scheduler.implementation = "{{typeof(ClockScheduler).FullName}}, {{typeof(ClockScheduler).Assembly.GetName().Name}}"
            """);
    }

    internal static TimeProvider Find(string id) =>
        s_clocks.TryGetValue(id, out var clock) ? clock : throw new ConfigurationException($"No clock is registered as {ClockIdKey} = {id}.");

    internal static void Release(string id) => s_clocks.TryRemove(id, out _);
}
