using System.Runtime.CompilerServices;

namespace FundingArb.Kernel.Tests;

public sealed class EventStreamTests : TestKit.TestKit
{
    [Fact]
    public void Subscribe_Channel_ReceivesPublishedEvents()
    {
        var subscriber = CreateTestProbe();
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(Animal));

        Sys.EventStream.Publish(new Animal("cat"));

        subscriber.ExpectMsg(new Animal("cat"));
    }

    [Fact]
    public void Subscribe_BaseType_ReceivesEventsOfSubtypes()
    {
        var subscriber = CreateTestProbe();
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(IEvent));

        Sys.EventStream.Publish(new Animal("dog"));
        Sys.EventStream.Publish(new Plant("fern"));

        subscriber.ExpectMsg(new Animal("dog"));
        subscriber.ExpectMsg(new Plant("fern"));
    }

    [Fact]
    public void Subscribe_OtherChannel_DoesNotReceiveTheEvent()
    {
        var subscriber = CreateTestProbe();
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(Plant));

        Sys.EventStream.Publish(new Animal("fox"));
        Sys.EventStream.Publish(new Plant("oak"));

        subscriber.ExpectMsg(new Plant("oak"));
    }

    [Fact]
    public void Subscribe_SameChannelTwice_ReturnsFalseAndDeliversOnce()
    {
        var subscriber = CreateTestProbe();
        Assert.True(Sys.EventStream.Subscribe(subscriber.Ref, typeof(Animal)));

        var again = Sys.EventStream.Subscribe(subscriber.Ref, typeof(Animal));
        Sys.EventStream.Publish(new Animal("owl"));
        subscriber.Tell("fence");

        Assert.False(again);
        subscriber.ExpectMsg(new Animal("owl"));
        subscriber.ExpectMsg("fence");
    }

    [Fact]
    public void Subscribe_OverlappingChannels_DeliversEachEventOnce()
    {
        var subscriber = CreateTestProbe();
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(Animal));
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(IEvent));

        Sys.EventStream.Publish(new Animal("bee"));
        subscriber.Tell("fence");

        subscriber.ExpectMsg(new Animal("bee"));
        subscriber.ExpectMsg("fence");
    }

    [Fact]
    public void Unsubscribe_Channel_StopsDeliveryOnThatChannelOnly()
    {
        var subscriber = CreateTestProbe();
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(Animal));
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(Plant));

        var removed = Sys.EventStream.Unsubscribe(subscriber.Ref, typeof(Animal));
        Sys.EventStream.Publish(new Animal("elk"));
        Sys.EventStream.Publish(new Plant("ivy"));

        Assert.True(removed);
        subscriber.ExpectMsg(new Plant("ivy"));
    }

    [Fact]
    public void Unsubscribe_AllChannels_StopsEveryDelivery()
    {
        var subscriber = CreateTestProbe();
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(Animal));
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(Plant));

        var removed = Sys.EventStream.Unsubscribe(subscriber.Ref);
        Sys.EventStream.Publish(new Animal("elk"));
        Sys.EventStream.Publish(new Plant("ivy"));
        subscriber.Tell("fence");

        Assert.True(removed);
        subscriber.ExpectMsg("fence");
    }

    [Fact]
    public void Unsubscribe_NotSubscribed_ReturnsFalse()
    {
        var subscriber = CreateTestProbe();

        var removed = Sys.EventStream.Unsubscribe(subscriber.Ref, typeof(Animal));

        Assert.False(removed);
    }

    [Fact]
    public void Subscribe_SubscriberStops_IsUnsubscribedBeforeItsTerminatedArrives()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var subscriber = Sys.ActorOf(Props.Create(() => new SelfSubscriber(typeof(Animal))));
        subscriber.Tell("subscribed?");
        ExpectMsg("subscribed");
        Watch(subscriber);
        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);

        Sys.EventStream.Publish(new Animal("ghost"));
        deadLetters.Tell("fence");

        deadLetters.ExpectMsg("fence");
    }

    [Fact]
    public void Subscribe_ActorAlreadyStopped_IsDroppedSoEventsDoNotBecomeDeadLetters()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var stopped = Sys.ActorOf(Props.Create(() => new SelfSubscriber(typeof(Plant))));
        Watch(stopped);
        Sys.Stop(stopped);
        ExpectTerminated(stopped);

        Sys.EventStream.Subscribe(stopped, typeof(Animal));
        Sys.EventStream.Publish(new Animal("ghost"));
        deadLetters.Tell("fence");

        deadLetters.ExpectMsg("fence");
    }

    [Fact]
    public void Stop_DeadLetterSubscriberWithQueuedMessages_PublishesEachOnceWithoutLooping()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var gate = new TaskCompletionSource();
        var subscriber = Sys.ActorOf(Props.Create(() => new BlockedDeadLetterSubscriber(gate.Task)));
        subscriber.Tell("block");
        ExpectMsg("blocked");
        subscriber.Tell("queued");
        Watch(subscriber);

        Sys.Stop(subscriber);

        ExpectTerminated(subscriber);
        deadLetters.Tell("fence");
        Assert.Equal("queued", deadLetters.ExpectMsg<DeadLetter>().Message);
        deadLetters.ExpectMsg("fence");
        gate.SetResult();
    }

    [Fact]
    public async Task Subscribe_WhileAPublishLooksUpSubscribers_ReceivesLaterEvents()
    {
        using var slow = new SlowHashRef(Sys.DeadLetters.Path.Parent.Child("slow-hash"));
        Sys.EventStream.Subscribe(slow, typeof(Animal));
        slow.BlockNextHash();
        var publishing = Task.Run(() => Sys.EventStream.Publish(new Animal("first")));
        Assert.True(slow.WaitUntilHashing(Dilated(TimeSpan.FromSeconds(3))));
        var late = CreateTestProbe();
        Sys.EventStream.Subscribe(late.Ref, typeof(Animal));
        slow.ReleaseHash();
        await publishing.WaitAsync(Dilated(TimeSpan.FromSeconds(3)));

        Sys.EventStream.Publish(new Animal("second"));

        late.ExpectMsg(new Animal("second"));
    }

    private interface IEvent;

    private sealed record Animal(string Name) : IEvent;

    private sealed record Plant(string Name) : IEvent;

    private sealed class SelfSubscriber : ReceiveActor
    {
        public SelfSubscriber(Type channel)
        {
            Context.System.EventStream.Subscribe(Self, channel);
            Receive<string>(_ => Sender.Tell("subscribed"));
        }
    }

    private sealed class BlockedDeadLetterSubscriber : ReceiveActor
    {
        public BlockedDeadLetterSubscriber(Task gate)
        {
            Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));
            ReceiveAsync<string>(async _ =>
            {
                Sender.Tell("blocked");
                await gate;
            });
        }
    }

    /// <summary>A reference whose hash code can be made to wait, to hold a publish inside its subscriber lookup.</summary>
    private sealed class SlowHashRef(ActorPath path) : IActorRef, IDisposable
    {
        private readonly ManualResetEventSlim _hashing = new();
        private readonly ManualResetEventSlim _release = new();
        private int _blockNext;

        public ActorPath Path { get; } = path;

        public void BlockNextHash() => Volatile.Write(ref _blockNext, 1);

        public bool WaitUntilHashing(TimeSpan limit) => _hashing.Wait(limit);

        public void ReleaseHash() => _release.Set();

        public void Tell(object message, IActorRef? sender)
        {
        }

        public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        public override int GetHashCode()
        {
            if (Interlocked.Exchange(ref _blockNext, 0) == 1)
            {
                _hashing.Set();
                _release.Wait(TimeSpan.FromSeconds(10));
            }

            return RuntimeHelpers.GetHashCode(this);
        }

        public int CompareTo(IActorRef? other) => other is null ? 1 : Path.CompareTo(other.Path);

        public void Dispose()
        {
            _release.Set();
            _hashing.Dispose();
            _release.Dispose();
        }
    }
}
