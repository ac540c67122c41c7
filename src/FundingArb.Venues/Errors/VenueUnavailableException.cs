using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Errors;

/// The connection to the venue is down. Raised before sending, nothing happened; raised while an answer was on its
/// way (AnswerLost), the request may have taken effect.
public sealed class VenueUnavailableException(VenueId venue, bool answerLost = false)
    : VenueException(venue, VenueError.VenueUnavailable, answerLost ? "connection lost before the answer arrived" : "venue unavailable")
{
    public bool AnswerLost { get; } = answerLost;

    public override bool OutcomeUnknown => AnswerLost;
}
