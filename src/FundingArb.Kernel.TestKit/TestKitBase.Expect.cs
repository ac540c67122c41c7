namespace FundingArb.Kernel.TestKit;

/// <summary>Expecting messages.</summary>
public abstract partial class TestKitBase
{
    /// <summary>The next message must be a <typeparamref name="T"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? duration = null, string? hint = null) =>
        ExpectMsgAsync<T>(static _ => true, duration, hint);

    /// <summary>The next message must be a <typeparamref name="T"/> that satisfies <paramref name="isMessage"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? duration = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var limit = RemainingOrDilated(duration);
        var received = await TryReceiveAsync(limit).ConfigureAwait(false)
            ?? throw Fail($"Timeout ({limit}) while waiting for a message of type {typeof(T).Name}{Hint(hint)}.");
        if (received.Message is not T typed)
        {
            throw Fail($"Expected a message of type {typeof(T).Name}{Hint(hint)} but received {Describe(received)}.");
        }

        if (!isMessage(typed))
        {
            throw Fail($"The message {Describe(received)} does not match the expectation{Hint(hint)}.");
        }

        return typed;
    }

    /// <summary>The next message must equal <paramref name="expected"/>.</summary>
    public Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? duration = null, string? hint = null) =>
        ExpectMsgAsync<T>(m => Equals(m, expected), duration, hint ?? $"equal to {expected}");

    /// <summary>The next message must be a <typeparamref name="T"/> sent by <paramref name="sender"/>.</summary>
    public async Task<T> ExpectMsgFromAsync<T>(IActorRef sender, TimeSpan? duration = null, string? hint = null)
    {
        var message = await ExpectMsgAsync<T>(duration, hint).ConfigureAwait(false);
        if (!LastSender.Equals(sender))
        {
            throw Fail($"Expected {typeof(T).Name} from {sender} but it came from {LastSender}.");
        }

        return message;
    }

    /// <summary>
    /// No message may arrive within <paramref name="duration"/> (dilated). As the last call of a <c>Within</c>
    /// block it exempts the block from the upper time check.
    /// </summary>
    public async Task ExpectNoMsgAsync(TimeSpan duration)
    {
        var received = await TryReceiveAsync(RemainingOrDilated(duration)).ConfigureAwait(false);
        if (received is not null)
        {
            throw Fail($"Expected no message but received {Describe(received)}.");
        }

        _lastWasNoMsg = true;
    }

    /// <summary>The test actor, which must watch <paramref name="target"/>, must receive its Terminated.</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? duration = null) =>
        ExpectMsgAsync<Terminated>(t => t.ActorRef.Equals(target), duration, $"Terminated of {target}");

    /// <summary>Receives the next <paramref name="count"/> messages, whatever they are.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? max = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var limit = RemainingOrDilated(max);
        var deadline = DeadlineAfter(limit);
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var received = await TryReceiveAsync(TimeLeft(deadline)).ConfigureAwait(false)
                ?? throw Fail($"Timeout ({limit}) after {messages.Count} of {count} messages.");
            messages.Add(received.Message);
        }

        return messages;
    }

    /// <summary>The next message, or null when none arrives within the limit.</summary>
    public async Task<object?> ReceiveOneAsync(TimeSpan? max = null) =>
        (await TryReceiveAsync(RemainingOrDilated(max)).ConfigureAwait(false))?.Message;

    /// <summary>Skips messages until a <typeparamref name="T"/> satisfying <paramref name="isMessage"/> arrives.</summary>
    public async Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? max = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var limit = RemainingOrDilated(max);
        var deadline = DeadlineAfter(limit);
        while (true)
        {
            var received = await TryReceiveAsync(TimeLeft(deadline)).ConfigureAwait(false)
                ?? throw Fail($"Timeout ({limit}) while fishing for a {typeof(T).Name}{Hint(hint)}.");
            if (received.Message is T typed && isMessage(typed))
            {
                return typed;
            }
        }
    }

    public T ExpectMsg<T>(TimeSpan? duration = null, string? hint = null) => ExpectMsgAsync<T>(duration, hint).GetAwaiter().GetResult();

    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? duration = null, string? hint = null) =>
        ExpectMsgAsync(isMessage, duration, hint).GetAwaiter().GetResult();

    public T ExpectMsg<T>(T expected, TimeSpan? duration = null, string? hint = null) =>
        ExpectMsgAsync(expected, duration, hint).GetAwaiter().GetResult();

    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? duration = null, string? hint = null) =>
        ExpectMsgFromAsync<T>(sender, duration, hint).GetAwaiter().GetResult();

    public void ExpectNoMsg(TimeSpan duration) => ExpectNoMsgAsync(duration).GetAwaiter().GetResult();

    public Terminated ExpectTerminated(IActorRef target, TimeSpan? duration = null) =>
        ExpectTerminatedAsync(target, duration).GetAwaiter().GetResult();

    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? max = null) => ReceiveNAsync(count, max).GetAwaiter().GetResult();

    public object? ReceiveOne(TimeSpan? max = null) => ReceiveOneAsync(max).GetAwaiter().GetResult();

    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? max = null, string? hint = null) =>
        FishForMessageAsync(isMessage, max, hint).GetAwaiter().GetResult();

    private static string Hint(string? hint) => hint is null ? "" : $" ({hint})";

    private static string Describe(Internal.ReceivedMessage received) =>
        $"{received.Message.GetType().Name} [{received.Message}] from {received.Sender}";
}
