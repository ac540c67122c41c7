using System.Diagnostics;
using FundingArb.Kernel.TestKit;

// Not FundingArb.Kernel.Tests.TestKit: that namespace would shadow FundingArb.Kernel.TestKit, and with it the
// `TestKit.TestKit` base class every other test file (and the Configuration tests) names.
namespace FundingArb.Kernel.Tests;

/// <summary>
/// The TestKit's own expectations. Failures are shown with short limits (50-100 ms): each such test proves
/// an expectation fails when it must, so it waits out its limit once.
/// </summary>
public sealed class TestKitTests : TestKit.TestKit
{
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void ExpectMsg_MessageOfTheType_ReturnsItAndRecordsItsSender()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());

        echo.Tell("hi");

        Assert.Equal("hi", ExpectMsg<string>());
        Assert.Equal("hi", LastMessage);
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void ExpectMsg_MessageOfAnotherType_Throws()
    {
        TestActor.Tell(42);

        var expect = () => ExpectMsg<string>(s_short);

        Assert.Throws<TestKitAssertionException>(expect);
    }

    [Fact]
    public void ExpectMsg_NothingArrives_ThrowsAfterTheLimit()
    {
        var stopwatch = Stopwatch.StartNew();

        var expect = () => ExpectMsg<string>(s_short);

        Assert.Throws<TestKitAssertionException>(expect);
        Assert.InRange(stopwatch.Elapsed, s_short * 0.9, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void ExpectMsg_PredicateRejects_Throws()
    {
        TestActor.Tell(3);

        Action expect = () => ExpectMsg<int>(n => n > 5, s_short);

        Assert.Throws<TestKitAssertionException>(expect);
    }

    [Fact]
    public void ExpectMsg_ExpectedValue_MatchesByEquality()
    {
        TestActor.Tell(new Point(1, 2));
        TestActor.Tell(new Point(3, 4));

        ExpectMsg(new Point(1, 2));
        var expectOther = () => ExpectMsg(new Point(9, 9), s_short);

        Assert.Throws<TestKitAssertionException>(expectOther);
    }

    [Fact]
    public void ExpectMsgFrom_AnotherSender_Throws()
    {
        var probe = CreateTestProbe();
        TestActor.Tell("from probe", probe.Ref);
        TestActor.Tell("from nobody", ActorRefs.NoSender);

        ExpectMsgFrom<string>(probe.Ref);
        var expect = () => ExpectMsgFrom<string>(probe.Ref, s_short);

        Assert.Throws<TestKitAssertionException>(expect);
    }

    [Fact]
    public void ExpectNoMsg_NothingArrives_Passes()
    {
        var expect = () => ExpectNoMsg(s_short);

        var thrown = Record.Exception(expect);

        Assert.Null(thrown);
    }

    [Fact]
    public void ExpectNoMsg_MessageArrives_Throws()
    {
        TestActor.Tell("unexpected");

        var expect = () => ExpectNoMsg(TimeSpan.FromSeconds(1));

        Assert.Throws<TestKitAssertionException>(expect);
    }

    [Fact]
    public void ReceiveN_EnoughMessages_ReturnsThemInOrder()
    {
        TestActor.Tell("a");
        TestActor.Tell("b");
        TestActor.Tell("c");

        var received = ReceiveN(3);

        Assert.Equal(["a", "b", "c"], received);
    }

    [Fact]
    public void ReceiveN_TooFewMessages_Throws()
    {
        TestActor.Tell("only one");

        var receive = () => ReceiveN(2, s_short);

        Assert.Throws<TestKitAssertionException>(receive);
    }

    [Fact]
    public void ReceiveOne_NothingArrives_ReturnsNull()
    {
        var received = ReceiveOne(s_short);

        Assert.Null(received);
    }

    [Fact]
    public void FishForMessage_NonMatchingFirst_SkipsThemAndReturnsTheMatch()
    {
        TestActor.Tell("skip");
        TestActor.Tell(1);
        TestActor.Tell(10);
        TestActor.Tell("after");

        var fished = FishForMessage<int>(n => n > 5);

        Assert.Equal(10, fished);
        ExpectMsg("after");
    }

    [Fact]
    public void FishForMessage_NoMatch_Throws()
    {
        TestActor.Tell(1);

        Action fish = () => FishForMessage<int>(n => n > 5, s_short);

        Assert.Throws<TestKitAssertionException>(fish);
    }

    [Fact]
    public void Within_BlockInTime_ReturnsItsResult()
    {
        TestActor.Tell("fast");

        var result = Within(TimeSpan.FromSeconds(3), () => ExpectMsg<string>());

        Assert.Equal("fast", result);
    }

    [Fact]
    public void Within_ExpectationsInside_ShareTheBlocksDeadline()
    {
        var stopwatch = Stopwatch.StartNew();

        var within = () => Within(TimeSpan.FromMilliseconds(100), () => ExpectMsg<string>(TimeSpan.FromSeconds(30)));

        Assert.Throws<TestKitAssertionException>(within);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Within_BlockFasterThanTheMinimum_Throws()
    {
        var within = () => Within(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), () => { });

        Assert.Throws<TestKitAssertionException>(within);
    }

    [Fact]
    public void Within_BlockEndingWithExpectNoMsgForItsWholeDuration_Passes()
    {
        var within = () => Within(TimeSpan.FromMilliseconds(100), () => ExpectNoMsg(TimeSpan.FromMilliseconds(100)));

        var thrown = Record.Exception(within);

        Assert.Null(thrown);
    }

    [Fact]
    public void AwaitAssert_AssertionPassesOnALaterTry_Returns()
    {
        var tries = 0;

        AwaitAssert(() => Assert.True(++tries >= 3), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(1));

        Assert.Equal(3, tries);
    }

    [Fact]
    public void AwaitAssert_NeverPasses_RethrowsTheLastFailure()
    {
        var tries = 0;

        var awaiting = () => AwaitAssert(() => throw new InvalidOperationException($"try {++tries}"), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(10));

        var thrown = Assert.Throws<InvalidOperationException>(awaiting);
        Assert.Equal($"try {tries}", thrown.Message);
        Assert.True(tries > 1);
    }

    [Fact]
    public void AwaitCondition_BecomesTrue_Returns()
    {
        var polls = 0;

        AwaitCondition(() => ++polls == 3, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(1));

        Assert.Equal(3, polls);
    }

    [Fact]
    public void AwaitCondition_NeverTrue_ThrowsWithTheMessage()
    {
        var awaiting = () => AwaitCondition(() => false, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(10), "never");

        var thrown = Assert.Throws<TestKitAssertionException>(awaiting);

        Assert.Contains("never", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_AfterAMessage_GoesToItsSenderFromTheTestActor()
    {
        var asker = CreateTestProbe();
        asker.Send(TestActor, "question");
        ExpectMsg("question");

        Reply("answer");

        asker.ExpectMsg("answer");
        Assert.Equal(TestActor, asker.LastSender);
    }

    [Fact]
    public void Send_ToAnActor_UsesTheTestActorAsSender()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());

        Send(echo, "sent");

        ExpectMsg("sent");
    }

    [Fact]
    public void Watch_ThenUnwatch_NoTerminatedArrives()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        Watch(echo);

        Unwatch(echo);
        Sys.Stop(echo);

        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void TestKitSettings_TimeFactor_DilatesEveryFiniteLimit()
    {
        var settings = new TestKitSettings { TimeFactor = 2.5 };

        var dilated = settings.Dilated(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(5), dilated);
        Assert.Equal(Timeout.InfiniteTimeSpan, settings.Dilated(Timeout.InfiniteTimeSpan));
    }

    private sealed record Point(int X, int Y);

    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            ReceiveAny(m => Sender.Tell(m));
        }
    }
}
