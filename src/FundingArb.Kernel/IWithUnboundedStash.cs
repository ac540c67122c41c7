namespace FundingArb.Kernel;

/// <summary>
/// An actor with a stash. The kernel sets <see cref="Stash"/> when it builds the instance; on restart the
/// stashed messages go back to the mailbox and reach the new instance.
/// </summary>
public interface IWithUnboundedStash
{
    IStash Stash { get; set; }
}
