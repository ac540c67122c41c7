namespace FundingArb.Kernel.Internal;

/// <summary>The <c>/user</c> and <c>/system</c> guardians: parents of top-level actors, handling nothing else.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected internal override bool Receive(object message) => false;
}
