using System.IO.Hashing;
using System.Text;

namespace ChatDapr.LocalDapr.Cluster;

/// <summary>
/// Rendezvous (highest-random-weight) hashing: every (actor, instance) pair gets a pseudo-random weight and the
/// instance with the highest weight owns the actor. When an instance leaves only its actors move; when one
/// joins it takes only the actors it now wins. XxHash64 is stable across processes, unlike string.GetHashCode,
/// so separate sidecar processes agree on the owner.
/// </summary>
public static class PlacementHash
{
    public static SidecarInstance? Owner(string actorType, string actorId, IReadOnlyList<SidecarInstance> hosts)
    {
        SidecarInstance? best = null;
        ulong bestWeight = 0;
        foreach (var host in hosts)
        {
            var weight = Weight(actorType, actorId, host.InstanceId);
            // Ties are practically impossible; breaking them by id keeps the choice deterministic anyway.
            if (best is null || weight > bestWeight || (weight == bestWeight && string.CompareOrdinal(host.InstanceId, best.InstanceId) < 0))
            {
                best = host;
                bestWeight = weight;
            }
        }
        return best;
    }

    public static ulong Weight(string actorType, string actorId, string instanceId)
    {
        // A separator that cannot appear in the parts keeps ("a","bc") and ("ab","c") apart.
        var text = string.Concat(actorType, "\0", actorId, "\0", instanceId);
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = max <= 512 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        return XxHash64.HashToUInt64(buffer[..length]);
    }
}
