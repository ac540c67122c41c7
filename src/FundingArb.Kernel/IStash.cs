namespace FundingArb.Kernel;

/// <summary>Messages set aside by an actor to be handled later, typically after a Become.</summary>
public interface IStash
{
    /// <summary>How many messages are stashed.</summary>
    int Count { get; }

    bool IsEmpty { get; }

    bool NonEmpty { get; }

    /// <summary>Stashes the message being handled; stashing the same message twice throws.</summary>
    void Stash();

    /// <summary>Returns the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns every stashed message to the front of the mailbox, in the order they were stashed.</summary>
    void UnstashAll();

    /// <summary>Returns the stashed messages that match to the front of the mailbox; the others are dropped.</summary>
    void UnstashAll(Func<object, bool> predicate);

    /// <summary>Empties the stash and returns what it held.</summary>
    IReadOnlyList<object> ClearStash();
}
