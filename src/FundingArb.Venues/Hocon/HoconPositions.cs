namespace FundingArb.Venues.Hocon;

// Akka's Config keeps no positions (Akka 1.5's HOCON values carry none), so the scanner that checks a document before
// Akka parses it also records where each key was written; layered documents (WithFallback) layer their positions the
// same way, so a key is found in the document whose value won.

/// Where each key of a document was written: the last definition of a path, as in HOCON the last one wins.
public sealed class HoconPositions
{
    private readonly IReadOnlyDictionary<string, HoconPosition> _own;
    private readonly HoconPositions? _fallback;

    internal HoconPositions(IReadOnlyDictionary<string, HoconPosition> own, HoconPositions? fallback = null)
    {
        _own = own;
        _fallback = fallback;
    }

    public static HoconPositions None { get; } = new(new Dictionary<string, HoconPosition>());

    /// Where path was written, or else the nearest enclosing object or list that was (a key that came from a
    /// substitution, or a required key that is missing, is reported where its object is); null when nothing was.
    public HoconPosition? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var candidate = path; candidate is not null; candidate = HoconPath.Parent(candidate))
        {
            if (FindExact(candidate) is { } position)
            {
                return position;
            }
        }

        return null;
    }

    /// These positions first, then the fallback's: the order of Config.WithFallback.
    public HoconPositions Over(HoconPositions fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new HoconPositions(_own, _fallback is null ? fallback : _fallback.Over(fallback));
    }

    private HoconPosition? FindExact(string path) => _own.TryGetValue(path, out var position) ? position : _fallback?.FindExact(path);
}
