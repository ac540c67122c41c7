namespace FundingArb.Kernel.Internal;

/// <summary>One definition of reference identity for every kind of reference: path plus incarnation uid.</summary>
internal static class ActorRefEquality
{
    public static bool AreEqual(IActorRef self, IActorRef? other)
    {
        if (ReferenceEquals(self, other))
        {
            return true;
        }

        return other is not null && self.Path.Uid == other.Path.Uid && self.Path.Equals(other.Path);
    }

    public static int HashCode(IActorRef self) => self.Path.GetHashCode();

    public static int Compare(IActorRef self, IActorRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPath = self.Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : self.Path.Uid.CompareTo(other.Path.Uid);
    }
}
