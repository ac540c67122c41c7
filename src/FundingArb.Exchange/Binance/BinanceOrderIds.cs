using System.Collections.Concurrent;
using FundingArb.Trading.Orders;

namespace FundingArb.Exchange.Binance;

/// Binance's numeric order ids of the orders placed through the server, so a cancel or query may name either id.
internal sealed class BinanceOrderIds
{
    private readonly ConcurrentDictionary<long, ClientOrderId> _clientIds = new();

    public void Remember(long orderId, ClientOrderId clientOrderId) => _clientIds[orderId] = clientOrderId;

    public ClientOrderId? Find(long orderId) => _clientIds.TryGetValue(orderId, out var id) ? id : null;
}
