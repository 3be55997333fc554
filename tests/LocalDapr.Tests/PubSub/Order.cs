namespace ChatDapr.LocalDapr.Tests.PubSub;

/// <summary>The event type the pub/sub tests publish and receive.</summary>
public sealed record Order(string Id, int Quantity, string Note = "");
