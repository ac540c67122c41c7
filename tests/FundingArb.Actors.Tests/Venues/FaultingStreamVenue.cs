using System.Runtime.CompilerServices;
using FundingArb.Venues;

namespace FundingArb.Actors.Tests.Venues;

/// A venue whose first user stream fails with an error that is not a VenueException (a bug in a connector or a paper
/// account, not a drop); every later subscription is the inner venue's own. Everything else passes through.
internal sealed class FaultingStreamVenue(IVenue inner) : PassThroughVenue(inner)
{
    private int _subscriptions;

    public int Subscriptions => Volatile.Read(ref _subscriptions);

    public override IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _subscriptions) == 1 ? Faulting(cancellationToken) : Inner.StreamUserEventsAsync(cancellationToken);

    private static async IAsyncEnumerable<UserEvent> Faulting([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException("the account's book could not be read");
#pragma warning disable CS0162 // An iterator needs a yield to be one; the throw above always ends it.
        yield break;
#pragma warning restore CS0162
    }
}
