using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using FundingArb.Venues.Lockstep;

namespace FundingArb.Exchange.Lockstep;

/// The reading end of a relay (StreamRelay) for a lockstep simulation: an item is counted from the moment the venue's
/// stream hands it over until its reader asks for the next one (it has sent the item's messages by then, and those
/// are counted on the socket). Items left when the relay's token is cancelled are never read and stop counting.
internal sealed class LockstepRelayReader<T> : ChannelReader<T>
{
    private readonly ChannelReader<T> _inner;
    private readonly WireLockstep _lockstep;
    private int _outstanding;
    private bool _held;
    private bool _stopped;

    public LockstepRelayReader(ChannelReader<T> inner, WireLockstep lockstep, CancellationToken cancellationToken)
    {
        _inner = inner;
        _lockstep = lockstep;
        cancellationToken.Register(static state => ((LockstepRelayReader<T>)state!).Stop(), this);
    }

    public override Task Completion => _inner.Completion;

    public override bool CanCount => _inner.CanCount;

    public override int Count => _inner.Count;

    /// Counts an item before the relay writes it to the channel.
    public void Writing() => _lockstep.Change(() =>
    {
        if (!_stopped)
        {
            _outstanding++;
            _lockstep.RelayItemsChangedLocked(1);
        }
    });

    public override bool TryRead([MaybeNullWhen(false)] out T item)
    {
        Release();
        if (!_inner.TryRead(out item))
        {
            return false;
        }

        _held = true;
        return true;
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        Release();
        return _inner.WaitToReadAsync(cancellationToken);
    }

    private void Release()
    {
        if (!_held)
        {
            return;
        }

        _held = false;
        _lockstep.Change(() =>
        {
            if (!_stopped)
            {
                _outstanding--;
                _lockstep.RelayItemsChangedLocked(-1);
            }
        });
    }

    private void Stop() => _lockstep.Change(() =>
    {
        if (!_stopped)
        {
            _stopped = true;
            _lockstep.RelayItemsChangedLocked(-_outstanding);
            _outstanding = 0;
        }
    });
}
