using System.Threading.Channels;
using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Kernel;

/// <summary>
/// Two parties bounce one message back and forth; each hop is one message. The baseline does the same with
/// two raw unbounded channels and two reader tasks, the fastest plain .NET equivalent of two mailboxes.
/// </summary>
internal static class PingPongScenario
{
    public static async Task RunChannelsAsync(int messages)
    {
        var toB = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var toA = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var b = Task.Run(async () =>
        {
            while (true)
            {
                var n = await toB.Reader.ReadAsync().ConfigureAwait(false);
                toA.Writer.TryWrite(n + 1);
                if (n + 1 >= messages)
                {
                    return;
                }
            }
        });
        var a = Task.Run(async () =>
        {
            toB.Writer.TryWrite(0);
            while (true)
            {
                var n = await toA.Reader.ReadAsync().ConfigureAwait(false);
                if (n >= messages)
                {
                    return;
                }

                toB.Writer.TryWrite(n + 1);
            }
        });
        await Task.WhenAll(a, b).ConfigureAwait(false);
    }

    public static async Task RunActorsAsync(ActorSystem system, int messages)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = system.ActorOf(Props.Create(() => new Bouncer(messages / 2, done)));
        var b = system.ActorOf(Props.Create(() => new Bouncer(messages / 2, done)));
        a.Tell(Ball.Instance, b);
        await done.Task.ConfigureAwait(false);
        system.Stop(a);
        system.Stop(b);
    }

    private sealed class Ball
    {
        public static readonly Ball Instance = new();
    }

    /// <summary>Bounces the ball back to its sender until it has received its share of the hops.</summary>
    private sealed class Bouncer(int hops, TaskCompletionSource done) : UntypedActor
    {
        private int _received;

        protected override void OnReceive(object message)
        {
            if (++_received >= hops)
            {
                done.TrySetResult();
            }

            Sender.Tell(message, Self);
        }
    }
}
