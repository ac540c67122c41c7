namespace FundingArb.Kernel.Internal;

/// <summary>
/// The stash of one actor instance. Unstashed envelopes go back in their original order through
/// <paramref name="prepend"/>: to the front of the mailbox for plain actors, in front of the internal stash
/// for persistent actors (which feed commands back one at a time).
/// </summary>
internal sealed class UnboundedStash(ActorCell cell, Action<IReadOnlyList<Envelope>> prepend) : IStash
{
    private readonly List<Envelope> _stashed = [];

    public int Count => _stashed.Count;

    public bool IsEmpty => _stashed.Count == 0;

    public bool NonEmpty => _stashed.Count != 0;

    public void Stash()
    {
        var current = cell.CurrentEnvelope ?? throw new InvalidOperationException("Stash() can only be called while handling a message.");
        if (_stashed.Count > 0 && ReferenceEquals(_stashed[^1], current))
        {
            throw new InvalidOperationException($"Can't stash the same message [{current.Message}] more than once.");
        }

        _stashed.Add(current);
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        var first = _stashed[0];
        _stashed.RemoveAt(0);
        prepend([first]);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<object, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (_stashed.Count == 0)
        {
            return;
        }

        var selected = _stashed.Where(e => predicate(e.Message)).ToList();
        _stashed.Clear();
        prepend(selected);
    }

    public IReadOnlyList<object> ClearStash()
    {
        var messages = _stashed.Select(e => e.Message).ToList();
        _stashed.Clear();
        return messages;
    }
}
