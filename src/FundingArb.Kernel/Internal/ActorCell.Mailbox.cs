using System.Diagnostics;

namespace FundingArb.Kernel.Internal;

/// <summary>
/// The mailbox, folded into the cell to keep an idle actor small. Producers push user messages onto a
/// lock-free stack with one exchange (wait-free: no retry however many senders contend) and link the node
/// below right after; system messages, which are rare, use one CAS. The running thread takes a whole stack
/// with one exchange and reverses it into a private FIFO, which preserves per-sender order. At most one
/// thread runs the cell: the Scheduled bit of <c>_status</c> is the token, won by CAS and given back at the
/// end of a run. Once the Closed bit is set nothing is dequeued again, and every envelope still pushed is
/// dead-lettered by whoever drains the inbox last.
/// </summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int ScheduledFlag = 1;
    private const int ClosedFlag = 2;
    private const int SuspendUnit = 4;

    private Envelope? _userInbox;
    private Envelope? _userHead;
    private Envelope? _userTail;
    private SystemMessage? _systemInbox;
    private int _status;

    private bool IsClosed => (Volatile.Read(ref _status) & ClosedFlag) != 0;

    private bool IsSuspended => Volatile.Read(ref _status) >= SuspendUnit;

    public void Post(Envelope envelope)
    {
        if (IsClosed)
        {
            _system.DeadLetterRef.Publish(envelope.Message, envelope.Sender, Self);
            return;
        }

        envelope.Next = Envelope.Unlinked;
        var below = Interlocked.Exchange(ref _userInbox, envelope);
        Volatile.Write(ref envelope.Next, below);

        // The exchange is a full fence: if the cell closed before it, the Closed bit is visible here, and the
        // envelope may have missed the final drain; draining again dead-letters it.
        if (IsClosed)
        {
            DeadLetterInbox();
            return;
        }

        TrySchedule(forUserMessage: true);
    }

    public void SendSystemMessage(SystemMessage message)
    {
        var head = Volatile.Read(ref _systemInbox);
        while (true)
        {
            if (ReferenceEquals(head, SystemMessage.Closed))
            {
                DeadLetterActorRef.AnswerForDeadActor(Self, message);
                return;
            }

            message.Next = head;
            var seen = Interlocked.CompareExchange(ref _systemInbox, message, head);
            if (ReferenceEquals(seen, head))
            {
                break;
            }

            head = seen;
        }

        TrySchedule(forUserMessage: false);
    }

    void IThreadPoolWorkItem.Execute()
    {
        if (IsClosed)
        {
            return;
        }

        s_current = this;
        try
        {
            ProcessSystemMessages();
            ProcessUserMessages();
        }
        finally
        {
            s_current = null;
            Interlocked.And(ref _status, ~ScheduledFlag);
            if (!IsClosed && (Volatile.Read(ref _systemInbox) is not null || (!IsSuspended && HasUserMessages())))
            {
                TrySchedule(forUserMessage: false);
            }
        }
    }

    private void TrySchedule(bool forUserMessage)
    {
        var status = Volatile.Read(ref _status);
        while (true)
        {
            if ((status & (ScheduledFlag | ClosedFlag)) != 0 || (forUserMessage && status >= SuspendUnit))
            {
                return;
            }

            var seen = Interlocked.CompareExchange(ref _status, status | ScheduledFlag, status);
            if (seen == status)
            {
                _system.Dispatcher.Schedule(this);
                return;
            }

            status = seen;
        }
    }

    private void ProcessUserMessages()
    {
        var left = _system.Settings.Throughput;
        while (left-- > 0 && Volatile.Read(ref _status) < SuspendUnit)
        {
            var envelope = DequeueUser();
            if (envelope is null)
            {
                return;
            }

            Invoke(envelope);
            if (Volatile.Read(ref _systemInbox) is not null)
            {
                ProcessSystemMessages();
            }
        }
    }

    private void ProcessSystemMessages()
    {
        while (!IsClosed)
        {
            var stack = Interlocked.Exchange(ref _systemInbox, null);
            if (stack is null)
            {
                return;
            }

            Debug.Assert(!ReferenceEquals(stack, SystemMessage.Closed), "only FinishTerminate closes the inbox, on this thread");
            var message = Reverse(stack);
            while (message is not null)
            {
                var next = message.Next;
                message.Next = null;
                if (IsClosed)
                {
                    DeadLetterActorRef.AnswerForDeadActor(Self, message);
                }
                else
                {
                    SystemInvoke(message);
                }

                message = next;
            }
        }
    }

    private Envelope? DequeueUser()
    {
        var head = _userHead;
        if (head is null)
        {
            var stack = Interlocked.Exchange(ref _userInbox, null);
            if (stack is null)
            {
                return null;
            }

            _userTail = stack;
            head = Reverse(stack)!;
        }

        _userHead = head.Next;
        if (_userHead is null)
        {
            _userTail = null;
        }

        head.Next = null;
        return head;
    }

    /// <summary>Puts envelopes back at the front of the mailbox in their given order (Unstash).</summary>
    private void PrependUser(IReadOnlyList<Envelope> envelopes)
    {
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            var envelope = envelopes[i];
            envelope.Next = _userHead;
            _userHead = envelope;
            _userTail ??= envelope;
        }
    }

    private bool HasUserMessages() => _userHead is not null || Volatile.Read(ref _userInbox) is not null;

    private void SuspendMailbox() => Interlocked.Add(ref _status, SuspendUnit);

    private void ResumeMailbox()
    {
        if (Volatile.Read(ref _status) >= SuspendUnit)
        {
            Interlocked.Add(ref _status, -SuspendUnit);
        }
    }

    /// <summary>
    /// Closes both inboxes for good: later posts go to dead letters. What was still queued is dead-lettered
    /// in FIFO order, and queued system messages get their dead-actor answers (a Watch yields Terminated).
    /// </summary>
    private void CloseMailbox()
    {
        Interlocked.Or(ref _status, ClosedFlag);

        for (var message = Reverse(Interlocked.Exchange(ref _systemInbox, SystemMessage.Closed)); message is not null; message = message.Next)
        {
            DeadLetterActorRef.AnswerForDeadActor(Self, message);
        }

        for (var envelope = _userHead; envelope is not null; envelope = envelope.Next)
        {
            PublishDeadLetter(envelope);
        }

        _userHead = _userTail = null;
        DeadLetterInbox();
    }

    private void DeadLetterInbox()
    {
        for (var envelope = Reverse(Interlocked.Exchange(ref _userInbox, null)); envelope is not null; envelope = envelope.Next)
        {
            PublishDeadLetter(envelope);
        }
    }

    private void PublishDeadLetter(Envelope envelope)
    {
        if (envelope.Message is not Terminated)
        {
            _system.DeadLetterRef.Publish(envelope.Message, envelope.Sender, Self);
        }
    }

    private static Envelope? Reverse(Envelope? stack)
    {
        Envelope? reversed = null;
        while (stack is not null)
        {
            var next = Volatile.Read(ref stack.Next);
            if (ReferenceEquals(next, Envelope.Unlinked))
            {
                next = AwaitLink(stack);
            }

            stack.Next = reversed;
            reversed = stack;
            stack = next;
        }

        return reversed;
    }

    /// <summary>Waits out the instant between a producer's exchange and its link write.</summary>
    private static Envelope? AwaitLink(Envelope node)
    {
        var spin = default(SpinWait);
        Envelope? next;
        do
        {
            spin.SpinOnce();
            next = Volatile.Read(ref node.Next);
        }
        while (ReferenceEquals(next, Envelope.Unlinked));

        return next;
    }

    private static SystemMessage? Reverse(SystemMessage? stack)
    {
        if (ReferenceEquals(stack, SystemMessage.Closed))
        {
            return null;
        }

        SystemMessage? reversed = null;
        while (stack is not null)
        {
            var next = stack.Next;
            stack.Next = reversed;
            reversed = stack;
            stack = next;
        }

        return reversed;
    }
}
