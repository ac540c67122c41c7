namespace FundingArb.Kernel.Tests;

/// <summary>Delivery order, system messages overtaking user messages, and fairness between busy actors.</summary>
public sealed class MailboxTests : TestKit.TestKit
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Tell_SeveralSendersOnSeveralThreads_EachSendersMessagesArriveInSendOrder()
    {
        const int Senders = 4;
        const int PerSender = 5000;
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker(TestActor, Senders * PerSender)));
        using var start = new Barrier(Senders);

        // Dedicated threads: blocking pool threads on the barrier would starve the actors on a 2-core machine.
        var sending = Enumerable.Range(0, Senders).Select(sender => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(s_limit);
                for (var sequence = 0; sequence < PerSender; sequence++)
                {
                    checker.Tell(new Numbered(sender, sequence), ActorRefs.NoSender);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));
        await Task.WhenAll(sending).WaitAsync(Dilated(s_limit));

        var report = ExpectMsg<OrderReport>(s_limit);
        Assert.Equal(Senders * PerSender, report.Received);
        Assert.Empty(report.OutOfOrder);
    }

    [Fact]
    public void Tell_ActorToActor_ArrivesInSendOrder()
    {
        const int Count = 2000;
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker(TestActor, Count)));
        var sender = Sys.ActorOf(Props.Create(() => new BurstSender(checker)));

        sender.Tell(Count);

        var report = ExpectMsg<OrderReport>(s_limit);
        Assert.Equal(Count, report.Received);
        Assert.Empty(report.OutOfOrder);
    }

    [Fact]
    public void Stop_WhileMessagesAreQueued_OvertakesThemAndTheyAreDeadLetteredInOrder()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new BlockingActor(TestActor, gate.Task)));
        Watch(actor);
        actor.Tell("block");
        ExpectMsg("blocked");
        foreach (var n in Enumerable.Range(1, 5))
        {
            actor.Tell(n);
        }

        Sys.Stop(actor);

        ExpectTerminated(actor);
        Assert.Equal([1, 2, 3, 4, 5], deadLetters.ReceiveN(5).Cast<DeadLetter>().Select(d => d.Message));
        gate.SetResult();
    }

    [Fact]
    public async Task Stop_WhileSendersAreBusy_EveryMessageIsEitherHandledOrDeadLettered()
    {
        const int Senders = 2;
        const int PerSender = 20_000;
        var counter = Sys.ActorOf(Props.Create(() => new DeadLetterCounter()));
        Sys.EventStream.Subscribe(counter, typeof(DeadLetter));
        var target = Sys.ActorOf(Props.Create(() => new HandledCounter(TestActor)));
        Watch(target);

        var sending = Enumerable.Range(0, Senders).Select(_ => Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < PerSender; i++)
                {
                    target.Tell(i, ActorRefs.NoSender);
                    if (i == PerSender / 2)
                    {
                        Sys.Stop(target);
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();
        await Task.WhenAll(sending).WaitAsync(Dilated(s_limit));
        var handled = ExpectMsg<int>(s_limit);
        ExpectTerminated(target);
        counter.Tell("count?");

        var deadLettered = ExpectMsg<int>(s_limit);
        Assert.Equal(Senders * PerSender, handled + deadLettered);
        Assert.True(deadLettered > 0, "the stop came before the last messages");
    }

    [Fact]
    public void ThroughputBatch_ActorsFloodingThemselves_DoNotStarveAnotherActor()
    {
        var flooders = Enumerable.Range(0, Environment.ProcessorCount * 8)
            .Select(_ => Sys.ActorOf(Props.Create<Flooder>()))
            .ToList();
        flooders.ForEach(f => f.Tell(0L));
        var echo = Sys.ActorOf(Props.Create(() => new BlockingActor(TestActor, Task.CompletedTask)));

        for (var round = 0; round < 5; round++)
        {
            echo.Tell(round);

            ExpectMsg(round);
        }

        flooders.ForEach(Sys.Stop);
    }

    private sealed record Numbered(int Sender, int Sequence);

    private sealed record OrderReport(int Received, IReadOnlyList<string> OutOfOrder);

    private sealed class OrderChecker : ReceiveActor
    {
        private readonly Dictionary<int, int> _next = [];
        private readonly List<string> _outOfOrder = [];
        private int _received;

        public OrderChecker(IActorRef probe, int expected)
        {
            Receive<Numbered>(n =>
            {
                var next = _next.GetValueOrDefault(n.Sender);
                if (n.Sequence != next)
                {
                    _outOfOrder.Add($"sender {n.Sender}: expected {next}, got {n.Sequence}");
                }

                _next[n.Sender] = n.Sequence + 1;
                if (++_received == expected)
                {
                    probe.Tell(new OrderReport(_received, _outOfOrder));
                }
            });
        }
    }

    private sealed class BurstSender : ReceiveActor
    {
        public BurstSender(IActorRef target)
        {
            Receive<int>(count =>
            {
                for (var i = 0; i < count; i++)
                {
                    target.Tell(new Numbered(0, i));
                }
            });
        }
    }

    private sealed class BlockingActor : ReceiveActor
    {
        public BlockingActor(IActorRef probe, Task gate)
        {
            ReceiveAsync<string>(
                async _ =>
                {
                    probe.Tell("blocked");
                    await gate;
                },
                s => s == "block");
            Receive<int>(n => probe.Tell(n));
        }
    }

    private sealed class HandledCounter : ReceiveActor
    {
        private readonly IActorRef _probe;
        private int _handled;

        public HandledCounter(IActorRef probe)
        {
            _probe = probe;
            Receive<int>(_ => _handled++);
        }

        protected override void PostStop() => _probe.Tell(_handled);
    }

    private sealed class DeadLetterCounter : ReceiveActor
    {
        public DeadLetterCounter()
        {
            var count = 0;
            Receive<DeadLetter>(d => d.Message is int, _ => count++);
            Receive<string>(_ => Sender.Tell(count));
        }
    }

    /// <summary>Keeps its own mailbox non-empty for as long as it lives.</summary>
    private sealed class Flooder : ReceiveActor
    {
        public Flooder()
        {
            Receive<long>(n => Self.Tell(n + 1));
        }
    }
}
