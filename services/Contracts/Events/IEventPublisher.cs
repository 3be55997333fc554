namespace ChatDapr.Contracts.Events;

/// <summary>Publishes integration events to their topic on <c>chat-pubsub</c>.</summary>
public interface IEventPublisher
{
    /// <summary>Publishes <paramref name="integrationEvent"/> to <c>TEvent.Topic</c>; throws when the broker refuses it.</summary>
    Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent<TEvent>;

    /// <summary>
    /// Publishes several events of one topic, as one bulk request per component where the publisher can. Their order
    /// among each other is not guaranteed (daprd publishes a bulk's entries concurrently on brokers without native bulk
    /// support), so use it only for events that do not depend on each other; throws if any of them was refused.
    /// </summary>
    async Task PublishAllAsync<TEvent>(IReadOnlyList<TEvent> integrationEvents, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent<TEvent>
    {
        foreach (var integrationEvent in integrationEvents)
            await PublishAsync(integrationEvent, cancellationToken);
    }
}
