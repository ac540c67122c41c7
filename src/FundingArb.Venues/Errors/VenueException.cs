using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Errors;

/// A venue refused or could not answer a request. Catch the subclass that matters; Error names it for switches and logs.
public abstract class VenueException : Exception
{
    protected VenueException(VenueId venue, VenueError error, string message)
        : base($"{venue}: {message}")
    {
        Venue = venue;
        Error = error;
    }

    public VenueId Venue { get; }

    public VenueError Error { get; }

    /// True when the request may have taken effect at the venue although it failed here, so a blind retry could
    /// act twice: a timeout, or a connection lost while the answer was on its way. Reconcile by client order id first.
    public virtual bool OutcomeUnknown => false;
}
