namespace FundingArb.Kernel.TestKit;

/// <summary>
/// A second test actor with the full set of expectations, for tests that need several distinct
/// correspondents. <see cref="Ref"/> is the reference to hand to the actors under test.
/// </summary>
public sealed class TestProbe : TestKitBase
{
    internal TestProbe(ActorSystem system, TestKitSettings settings, string name)
        : base(system, settings, name)
    {
    }

    /// <summary>The probe's reference.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>Tells <paramref name="message"/> to the probe with <paramref name="sender"/> as sender.</summary>
    public void Tell(object message, IActorRef? sender = null) => Ref.Tell(message, sender);

    public override string ToString() => $"TestProbe({Ref.Path})";
}
