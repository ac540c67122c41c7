using System.Collections.Immutable;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation.Snapshots;

namespace FundingArb.Venues.Simulation.State;

// The simulated venues stand in for real exchanges, which keep their orders and positions while their clients are
// down; so they persist (beside the node's journal, or in the exchange's data folder), one JSON file each, replaced atomically (write, then rename) so a kill
// leaves the previous file or the new one, never half of one.

/// Saves simulated venues' state in a folder (the node's or the exchange's data folder) and restores it on the next start.
public sealed class VenueStateStore
{
    private readonly string _directory;

    public VenueStateStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
    }

    /// The venue time the saved state reached, if any state was saved.
    public DateTimeOffset? LastSavedAt(IEnumerable<ScenarioVenue> venues) =>
        venues.Select(v => Read(v.Settings.Id.Value)?.At).Where(at => at is not null).Max();

    /// Each configured venue, restored from its saved state when there is one, else new.
    /// <exception cref="InvalidDataException">A saved state cannot be read or does not fit its venue's configuration.</exception>
    public ImmutableArray<SimulatedVenue> Open(Scenario simulation, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(clock);
        return [.. simulation.Venues.Select(v => Read(v.Settings.Id.Value) is { } saved
            ? Restore(saved, v, clock)
            : new SimulatedVenue(v.Settings, v.Markets, v.Faults, simulation.Seed, clock))];
    }

    public void Save(SimulatedVenue venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        Directory.CreateDirectory(_directory);
        var path = PathOf(venue.Id.Value);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, venue.Export().ToJson());
        File.Move(temporary, path, overwrite: true);
    }

    private SimulatedVenueSnapshot? Read(string venue)
    {
        var path = PathOf(venue);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return SimulatedVenueSnapshot.FromJson(File.ReadAllText(path));
        }
        catch (Exception failure) when (failure is FormatException or System.Text.Json.JsonException)
        {
            throw new InvalidDataException($"{path}: the saved state of venue {venue} cannot be read: {failure.Message}", failure);
        }
    }

    private SimulatedVenue Restore(SimulatedVenueSnapshot saved, ScenarioVenue venue, TimeProvider clock)
    {
        try
        {
            return SimulatedVenue.Restore(saved, venue.Settings, venue.Markets, venue.Faults, clock);
        }
        catch (ArgumentException mismatch)
        {
            throw new InvalidDataException(
                $"{PathOf(venue.Settings.Id.Value)}: the saved state of venue {venue.Settings.Id} does not fit its configuration ({mismatch.Message}); "
                + "configure it as it was, or delete the file to start the venue afresh", mismatch);
        }
    }

    private string PathOf(string venue) => Path.Combine(_directory, venue + ".json");
}
