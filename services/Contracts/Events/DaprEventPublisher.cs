using ChatDapr.Contracts.Names;
using Dapr.Client;

namespace ChatDapr.Contracts.Events;

/// <summary>The production <see cref="IEventPublisher"/>: Dapr pub/sub on <see cref="DaprComponents.PubSub"/>.</summary>
/// <param name="dapr">The Dapr client.</param>
public sealed class DaprEventPublisher(DaprClient dapr) : IEventPublisher
{
    /// <inheritdoc />
    public Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent<TEvent> =>
        dapr.PublishEventAsync(DaprComponents.PubSub, TEvent.Topic, integrationEvent, cancellationToken);
}
