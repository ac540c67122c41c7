namespace FundingArb.Trading.Orders;

public enum TimeInForce
{
    /// Good till cancelled.
    Gtc,

    /// Immediate or cancel: fill what matches now, cancel the rest.
    Ioc,

    /// Fill or kill: fill all of it now or none of it.
    Fok,
}
