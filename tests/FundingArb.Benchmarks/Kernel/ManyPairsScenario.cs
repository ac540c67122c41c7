using System.Threading.Channels;
using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Kernel;

/// <summary>
/// Many independent pairs ping-pong at once, each with a window of messages in flight: the load of a node
/// with many busy actors. The baseline runs the same pairs as channel-and-task pairs.
/// </summary>
internal static class ManyPairsScenario
{
    public const int Pairs = 100;
    public const int InFlight = 100;

    private static readonly object s_message = new();

    /// <summary>Runs until every pair has exchanged <paramref name="hopsPerPair"/> messages.</summary>
    public static async Task RunChannelsAsync(int hopsPerPair)
    {
        await Task.WhenAll(Enumerable.Range(0, Pairs).Select(_ => RunChannelPairAsync(hopsPerPair))).ConfigureAwait(false);
    }

    public static async Task RunActorsAsync(ActorSystem system, int hopsPerPair)
    {
        var completions = new List<Task>(Pairs);
        var actors = new List<IActorRef>(Pairs * 2);
        for (var i = 0; i < Pairs; i++)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var a = system.ActorOf(Props.Create(() => new Bouncer(hopsPerPair / 2, done)));
            var b = system.ActorOf(Props.Create(() => new Bouncer(int.MaxValue, done)));
            completions.Add(done.Task);
            actors.Add(a);
            actors.Add(b);
            for (var m = 0; m < InFlight; m++)
            {
                a.Tell(s_message, b);
            }
        }

        await Task.WhenAll(completions).ConfigureAwait(false);
        foreach (var actor in actors)
        {
            system.Stop(actor);
        }
    }

    private static async Task RunChannelPairAsync(int hopsPerPair)
    {
        var toB = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var toA = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        for (var m = 0; m < InFlight; m++)
        {
            toA.Writer.TryWrite(s_message);
        }

        var b = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    toA.Writer.TryWrite(await toB.Reader.ReadAsync(stop.Token).ConfigureAwait(false));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var received = 0;
        while (received < hopsPerPair / 2)
        {
            toB.Writer.TryWrite(await toA.Reader.ReadAsync().ConfigureAwait(false));
            received++;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await b.ConfigureAwait(false);
    }

    private sealed class Bouncer(int hops, TaskCompletionSource done) : UntypedActor
    {
        private int _received;

        protected override void OnReceive(object message)
        {
            if (++_received == hops)
            {
                done.TrySetResult();
            }

            Sender.Tell(message, Self);
        }
    }
}
