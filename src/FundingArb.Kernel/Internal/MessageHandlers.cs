namespace FundingArb.Kernel.Internal;

/// <summary>One behaviour of a ReceiveActor: its handlers in registration order.</summary>
internal sealed class MessageHandlers
{
    private readonly List<MessageHandler> _handlers = [];
    private bool _complete;

    public void Add(MessageHandler handler)
    {
        if (_complete)
        {
            throw new InvalidOperationException("ReceiveAny must be the last handler: nothing registered after it could ever run.");
        }

        _handlers.Add(handler);
    }

    public void Complete() => _complete = true;

    public bool TryHandle(object message)
    {
        var handlers = _handlers;
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i].TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }
}
