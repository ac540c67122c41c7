using System.Diagnostics;
using System.Threading.Channels;
using FundingArb.Kernel.TestKit.Internal;

namespace FundingArb.Kernel.TestKit;

/// <summary>
/// The expectations shared by <see cref="TestKit"/> and <see cref="TestProbe"/>: a test actor whose received
/// messages are awaited with real-time limits (dilated by the time factor in one place only,
/// <see cref="RemainingOrDilated"/>). Every method has an async form; the sync forms block on it.
/// </summary>
public abstract partial class TestKitBase
{
    private readonly Channel<ReceivedMessage> _queue;
    private long? _withinEndTimestamp;

    // Set by ExpectNoMsg, cleared by any other receive: Within skips its upper time check when its block
    // ended waiting for nothing, because such a wait uses up the whole time left by design (as in Akka).
    private bool _lastWasNoMsg;

    private protected TestKitBase(ActorSystem system, TestKitSettings settings, string testActorName)
    {
        ArgumentNullException.ThrowIfNull(system);
        Sys = system;
        Settings = settings;
        _queue = Channel.CreateUnbounded<ReceivedMessage>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
        var writer = _queue.Writer;
        TestActor = system.ActorOf(Props.Create(() => new TestActor(writer)), testActorName);
    }

    /// <summary>The system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The actor whose received messages the expectations read.</summary>
    public IActorRef TestActor { get; }

    /// <summary>The time factor and default limits.</summary>
    public TestKitSettings Settings { get; }

    /// <summary>The message last returned by an expectation.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>The sender of <see cref="LastMessage"/>.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>The time left in the enclosing <c>Within</c>, or the dilated single-expect default.</summary>
    public TimeSpan RemainingOrDefault => RemainingOrDilated(null);

    /// <summary>Scales a real-time limit by the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) => Settings.Dilated(duration);

    /// <summary>Replies to <see cref="LastSender"/> with the test actor as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, TestActor);

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the test actor as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, TestActor);
    }

    /// <summary>Forwards <see cref="LastMessage"/> to <paramref name="target"/>, keeping its original sender.</summary>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(LastMessage ?? throw new InvalidOperationException("No message received yet to forward."), LastSender);
    }

    /// <summary>Makes the test actor watch <paramref name="actor"/>, so <c>ExpectTerminated</c> can see it stop.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        TestActor.Tell(new TestActor.WatchCommand(actor), ActorRefs.NoSender);
        return actor;
    }

    /// <summary>Makes the test actor stop watching <paramref name="actor"/>.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        TestActor.Tell(new TestActor.UnwatchCommand(actor), ActorRefs.NoSender);
        return actor;
    }

    /// <summary>
    /// The limit for one expectation: the dilated <paramref name="duration"/> (or single-expect default),
    /// cut to what is left of an enclosing <c>Within</c>.
    /// </summary>
    protected TimeSpan RemainingOrDilated(TimeSpan? duration)
    {
        var limit = duration is { } d ? Dilated(d) : Dilated(Settings.SingleExpectDefault);
        if (_withinEndTimestamp is { } end)
        {
            var left = TimeLeft(end);
            return left < limit ? left : limit;
        }

        return limit;
    }

    private static long DeadlineAfter(TimeSpan limit) =>
        limit == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);

    private static TimeSpan TimeLeft(long deadline)
    {
        if (deadline == long.MaxValue)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }

    private async Task<ReceivedMessage?> TryReceiveAsync(TimeSpan limit)
    {
        _lastWasNoMsg = false;
        if (_queue.Reader.TryRead(out var ready))
        {
            return Record(ready);
        }

        if (limit <= TimeSpan.Zero)
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(limit);
        try
        {
            return Record(await _queue.Reader.ReadAsync(timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    private ReceivedMessage Record(ReceivedMessage received)
    {
        LastMessage = received.Message;
        LastSender = received.Sender;
        return received;
    }

    private static TestKitAssertionException Fail(string message) => new TestKitAssertionException(message);
}
