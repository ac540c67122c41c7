using System.Collections.Immutable;
using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Fees;

/// Fee schedules per venue, bound from config once. A venue missing here is a configuration error.
public sealed class FeeTable
{
    private readonly ImmutableDictionary<VenueId, FeeSchedule> _schedules;

    public FeeTable(IEnumerable<KeyValuePair<VenueId, FeeSchedule>> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        var builder = ImmutableDictionary.CreateBuilder<VenueId, FeeSchedule>();
        foreach (var (venue, schedule) in schedules)
        {
            ArgumentException.ThrowIfNullOrEmpty(venue.Value, nameof(schedules));
            if (!builder.TryAdd(venue, schedule))
            {
                throw new ArgumentException($"Venue {venue} appears twice.", nameof(schedules));
            }
        }

        _schedules = builder.ToImmutable();
    }

    public IEnumerable<VenueId> Venues => _schedules.Keys;

    public bool TryGet(VenueId venue, out FeeSchedule schedule) => _schedules.TryGetValue(venue, out schedule);

    public FeeSchedule For(VenueId venue) =>
        _schedules.TryGetValue(venue, out var schedule)
            ? schedule
            : throw new ArgumentException($"No fee schedule for venue {venue}.", nameof(venue));
}
