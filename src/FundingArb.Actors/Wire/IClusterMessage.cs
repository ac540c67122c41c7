namespace FundingArb.Actors.Wire;

/// A message actors exchange, which may cross nodes: bound to ClusterMessageSerializer, and registered with a stable
/// manifest in ClusterMessageManifests.
public interface IClusterMessage;
