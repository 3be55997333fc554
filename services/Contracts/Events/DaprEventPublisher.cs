using ChatDapr.Contracts.Names;
using Dapr.Client;

namespace ChatDapr.Contracts.Events;

/// <summary>
/// The production <see cref="IEventPublisher"/>: every event goes once to <see cref="DaprComponents.PubSub"/> (background
/// consumers, one per app) and once to <see cref="DaprComponents.Fanout"/> (every gateway instance, for real-time
/// delivery). That is one publish per component per event, never one per recipient.
/// </summary>
/// <param name="dapr">The Dapr client.</param>
public sealed class DaprEventPublisher(DaprClient dapr) : IEventPublisher
{
    /// <inheritdoc />
    /// <remarks>
    /// Both publishes run concurrently and the call fails if either fails; callers publish before they acknowledge and
    /// re-publish (same event id) on a retry, so a half-published event heals and consumers drop the repeat.
    /// </remarks>
    public Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent<TEvent> =>
        Task.WhenAll(
            dapr.PublishEventAsync(DaprComponents.PubSub, TEvent.Topic, integrationEvent, cancellationToken),
            dapr.PublishEventAsync(DaprComponents.Fanout, TEvent.Topic, integrationEvent, cancellationToken));

    /// <inheritdoc />
    /// <remarks>One bulk publish per component (a room that gains a hundred members announces them in two requests
    /// instead of two hundred); any refused entry fails the call, and the caller's retry publishes the same ids again.</remarks>
    public async Task PublishAllAsync<TEvent>(IReadOnlyList<TEvent> integrationEvents, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent<TEvent>
    {
        if (integrationEvents.Count <= 1)
        {
            foreach (var integrationEvent in integrationEvents)
                await PublishAsync(integrationEvent, cancellationToken);
            return;
        }
        var responses = await Task.WhenAll(
            dapr.BulkPublishEventAsync(DaprComponents.PubSub, TEvent.Topic, integrationEvents, cancellationToken: cancellationToken),
            dapr.BulkPublishEventAsync(DaprComponents.Fanout, TEvent.Topic, integrationEvents, cancellationToken: cancellationToken));
        var failed = responses.SelectMany(r => r.FailedEntries).ToList();
        if (failed.Count > 0)
            throw new Dapr.DaprException($"{failed.Count} of {2 * integrationEvents.Count} {TEvent.Topic} entries were not published: {failed[0].ErrorMessage}");
    }
}
