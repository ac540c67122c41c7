using System.Threading.Channels;

namespace FundingArb.Kernel.TestKit.Internal;

/// <summary>
/// The actor behind a TestKit or probe: every message goes into the queue the expectations read from,
/// except its own commands (watch, unwatch), which it carries out.
/// </summary>
internal sealed class TestActor(ChannelWriter<ReceivedMessage> queue) : ActorBase
{
    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case WatchCommand watch:
                Context.Watch(watch.Subject);
                break;
            case UnwatchCommand unwatch:
                Context.Unwatch(unwatch.Subject);
                break;
            default:
                queue.TryWrite(new ReceivedMessage(message, Sender));
                break;
        }

        return true;
    }

    /// <summary>Makes the test actor watch <see cref="Subject"/>.</summary>
    internal sealed record WatchCommand(IActorRef Subject);

    /// <summary>Makes the test actor stop watching <see cref="Subject"/>.</summary>
    internal sealed record UnwatchCommand(IActorRef Subject);
}
