namespace FundingArb.Kernel.Internal;

/// <summary>Matches messages of type <typeparamref name="T"/> that pass the optional predicate.</summary>
internal sealed class MessageHandler<T>(Predicate<T>? shouldHandle, Func<T, bool> handle) : MessageHandler
{
    public override bool TryHandle(object message) =>
        message is T typed && (shouldHandle is null || shouldHandle(typed)) && handle(typed);
}
