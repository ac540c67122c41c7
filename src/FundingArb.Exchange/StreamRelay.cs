using System.Threading.Channels;
using FundingArb.Exchange.Lockstep;
using FundingArb.Venues.Lockstep;

namespace FundingArb.Exchange;

// The simulated venue continues its stream readers on its own thread, inside its monitor; they may only hand items on.
// The relay's pump does just that, and the feed reads the channel on the thread pool, where it may send on a socket
// and read the venue.

/// Moves a venue stream off the venue's thread.
internal static class StreamRelay
{
    /// lockstep, when set, counts each item until its reader has handled it (a lockstep simulation, WireLockstep).
    public static ChannelReader<T> OffVenueThread<T>(IAsyncEnumerable<T> source, Channel<T> channel, WireLockstep? lockstep, CancellationToken cancellationToken)
    {
        var counted = lockstep is null ? null : new LockstepRelayReader<T>(channel.Reader, lockstep, cancellationToken);
        _ = PumpAsync(source, channel.Writer, counted, cancellationToken);
        return counted ?? channel.Reader;
    }

    private static async Task PumpAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> writer, LockstepRelayReader<T>? counted, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                counted?.Writing();
                writer.TryWrite(item);
            }

            writer.TryComplete();
        }
#pragma warning disable CA1031 // Not swallowed: the failure is handed to the reader, which decides.
        catch (Exception error)
#pragma warning restore CA1031
        {
            writer.TryComplete(error);
        }
    }
}
