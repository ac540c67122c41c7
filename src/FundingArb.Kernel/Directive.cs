namespace FundingArb.Kernel;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; go on with the next message.</summary>
    Resume,

    /// <summary>Replace the instance with a new one from the Props; the mailbox is kept.</summary>
    Restart,

    /// <summary>Stop the child for good.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception.</summary>
    Escalate,
}
