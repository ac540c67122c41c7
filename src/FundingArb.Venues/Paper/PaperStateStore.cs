namespace FundingArb.Venues.Paper;

// Beside the simulated venues' state in the node's venue folder, as `<venue>.paper.json`, so a paper venue and a
// simulated venue of one name never read each other's file. Replaced atomically (write, then rename): a kill leaves the
// previous file or the new one, never half of one.

/// Saves paper accounts' state in a folder and reads it back on the next start.
public sealed class PaperStateStore
{
    private readonly string _directory;
    private readonly Lock _writing = new();

    public PaperStateStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
    }

    /// The saved account of the venue, or null when none was saved.
    /// <exception cref="InvalidDataException">The saved state cannot be read.</exception>
    public PaperVenueSnapshot? Read(string venue)
    {
        var path = PathOf(venue);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return PaperVenueSnapshot.FromJson(File.ReadAllText(path));
        }
        catch (Exception failure) when (failure is FormatException or System.Text.Json.JsonException)
        {
            throw new InvalidDataException($"{path}: the saved paper account of venue {venue} cannot be read: {failure.Message}", failure);
        }
    }

    public void Save(PaperVenueSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_writing)
        {
            Directory.CreateDirectory(_directory);
            var path = PathOf(snapshot.Venue);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, snapshot.ToJson());
            File.Move(temporary, path, overwrite: true);
        }
    }

    public string PathOf(string venue) => Path.Combine(_directory, venue + ".paper.json");
}
