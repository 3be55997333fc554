namespace ChatDapr.Contracts.Events;

/// <summary>Publishes integration events to their topic on <c>chat-pubsub</c>.</summary>
public interface IEventPublisher
{
    /// <summary>Publishes <paramref name="integrationEvent"/> to <c>TEvent.Topic</c>; throws when the broker refuses it.</summary>
    Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent<TEvent>;
}
