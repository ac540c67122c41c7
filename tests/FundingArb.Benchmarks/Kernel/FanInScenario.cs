using System.Threading.Channels;
using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Kernel;

/// <summary>
/// Several senders on their own threads stream messages one way into one receiver. The baseline is one
/// multi-writer unbounded channel drained by one reader task.
/// </summary>
internal static class FanInScenario
{
    public const int Senders = 4;

    private static readonly object s_message = new();

    public static async Task RunChannelsAsync(int messages)
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        var reader = Task.Run(async () =>
        {
            var received = 0;
            while (received < messages && await channel.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (received < messages && channel.Reader.TryRead(out _))
                {
                    received++;
                }
            }
        });
        await SendAsync(messages, m => channel.Writer.TryWrite(m)).ConfigureAwait(false);
        await reader.ConfigureAwait(false);
    }

    public static async Task RunActorsAsync(ActorSystem system, int messages)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = system.ActorOf(Props.Create(() => new Counter(messages, done)));
        await SendAsync(messages, m => sink.Tell(m, ActorRefs.NoSender)).ConfigureAwait(false);
        await done.Task.ConfigureAwait(false);
        system.Stop(sink);
    }

    private static Task SendAsync(int messages, Action<object> send)
    {
        var perSender = messages / Senders;
        return Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < perSender; i++)
                {
                    send(s_message);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));
    }

    private sealed class Counter(int expected, TaskCompletionSource done) : UntypedActor
    {
        private int _received;

        protected override void OnReceive(object message)
        {
            if (++_received == expected)
            {
                done.TrySetResult();
            }
        }
    }
}
