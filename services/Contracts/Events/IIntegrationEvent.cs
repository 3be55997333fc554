namespace ChatDapr.Contracts.Events;

/// <summary>
/// An event published on <c>chat-pubsub</c>. Delivery is at-least-once, so every handler must be idempotent:
/// it remembers (or can recompute) the <see cref="EventId"/>s it has applied and ignores repeats.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>
    /// Identifies the logical event. A re-publication of the same event (e.g. after a retried send) carries the
    /// same id, so handlers can de-duplicate on it.
    /// </summary>
    string EventId { get; }
}

/// <summary>An integration event type bound to exactly one topic.</summary>
/// <typeparam name="TSelf">The event type itself.</typeparam>
public interface IIntegrationEvent<TSelf> : IIntegrationEvent
    where TSelf : IIntegrationEvent<TSelf>
{
    /// <summary>The topic (from <c>Topics</c>) this event type is published to.</summary>
    static abstract string Topic { get; }
}
