namespace FundingArb.Kernel.Internal;

/// <summary>
/// The root of the tree. It stops everything in order: when <c>/user</c> has stopped (by Terminate, or
/// because an escalation reached it), it stops <c>/system</c>, then itself, which ends the system.
/// </summary>
internal sealed class RootGuardianActor : ActorBase
{
    protected override SupervisorStrategy SupervisorStrategy() => Kernel.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        Context.Watch(Context.Child(ActorSystem.UserGuardianName));
        Context.Watch(Context.Child(ActorSystem.SystemGuardianName));
    }

    protected internal override bool Receive(object message)
    {
        if (message is not Terminated terminated)
        {
            return false;
        }

        if (terminated.ActorRef.Path.Name == ActorSystem.UserGuardianName)
        {
            Context.Stop(Context.Child(ActorSystem.SystemGuardianName));
        }
        else
        {
            Context.Stop(Self);
        }

        return true;
    }
}
