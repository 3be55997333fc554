namespace ChatDapr.LocalDapr.Grpc;

public sealed record ActiveActorCount(string Type, int Count);

/// <summary>
/// Optional: the actor runtime registers an implementation so that GetMetadata (gRPC and HTTP) can report how
/// many actors of each type are active in this sidecar. Without one, no actors are reported.
/// </summary>
public interface IActiveActorsReporter
{
    IReadOnlyList<ActiveActorCount> GetActiveActors();
}
