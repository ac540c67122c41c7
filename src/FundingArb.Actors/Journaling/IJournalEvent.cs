namespace FundingArb.Actors.Journaling;

/// An event the actors persist: serialized by EventSerializer under its stable manifest (ActorEventManifests).
public interface IJournalEvent;
