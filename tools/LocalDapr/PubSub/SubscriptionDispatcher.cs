namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// Handles the broker messages of one subscription: read the CloudEvent, pick the route, post it to the app with a
/// few quick in-process retries, and turn the app's answer into the broker outcome.
/// Drop (DROP, 404, no matching route, expired) acknowledges, after publishing the same message to the
/// subscription's dead-letter topic when it has one. Retry that outlasts the quick retries goes back to the broker
/// for a later redelivery; as in daprd, a subscription with a dead-letter topic sends it there instead.
/// </summary>
internal sealed class SubscriptionDispatcher(SubscriptionSpec spec, IPubSub pubsub, AppDeliverer app, ILogger logger)
{
    private static readonly TimeSpan[] QuickRetries = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)];

    private readonly Dictionary<string, string> _headers = new(StringComparer.Ordinal) { ["pubsubName"] = spec.PubsubName };

    public SubscriptionSpec Spec => spec;

    public async Task<DeliveryOutcome> HandleAsync(BrokerMessage message, CancellationToken ct)
    {
        using var ev = DeliveredEvent.TryCreate(message, spec);
        if (ev is null)
        {
            PubSubLog.NotACloudEvent(logger, spec.PubsubName, spec.Topic, message.BrokerId);
            return await DeadLetterOrAsync(message, DeliveryOutcome.Retry, ct);
        }
        if (ev.IsExpired)
        {
            PubSubLog.Expired(logger, spec.PubsubName, spec.Topic, ev.Id);
            return await DeadLetterOrAsync(message, DeliveryOutcome.Drop, ct);
        }
        var path = spec.Route(ev.Root);
        if (path is null)
        {
            PubSubLog.NoRoute(logger, spec.PubsubName, spec.Topic, ev.Id);
            return await DeadLetterOrAsync(message, DeliveryOutcome.Drop, ct);
        }
        var headers = Headers(message);
        for (var i = 0; ; i++)
        {
            var answer = spec.BulkSubscribe
                ? await app.DeliverBulkAsync(path, ev, spec, headers, ct)
                : await app.DeliverAsync(path, ev, headers, ct);
            // Checked here: reading the event id for a disabled debug line would cost a lookup and a string per delivery.
            if (logger.IsEnabled(LogLevel.Debug))
                PubSubLog.Delivered(logger, spec.PubsubName, spec.Topic, ev.Id, path, answer.Detail, message.Attempt, i + 1);
            switch (answer.Outcome)
            {
                case DeliveryOutcome.Success:
                    return DeliveryOutcome.Success;
                case DeliveryOutcome.Drop:
                    return await DeadLetterOrAsync(message, DeliveryOutcome.Drop, ct);
                case DeliveryOutcome.Retry when i < QuickRetries.Length:
                    await Task.Delay(QuickRetries[i], ct);
                    break;
                default:
                    return await DeadLetterOrAsync(message, DeliveryOutcome.Retry, ct);
            }
        }
    }

    private IReadOnlyDictionary<string, string> Headers(BrokerMessage message)
    {
        if (message.Metadata.Count == 0)
            return _headers;
        var all = new Dictionary<string, string>(message.Metadata, StringComparer.Ordinal);
        foreach (var (k, v) in _headers)
            all[k] = v;
        return all;
    }

    /// <summary>With a dead-letter topic the message goes there and is acknowledged; otherwise <paramref name="outcome"/>.</summary>
    private async Task<DeliveryOutcome> DeadLetterOrAsync(BrokerMessage message, DeliveryOutcome outcome, CancellationToken ct)
    {
        if (spec.DeadLetterTopic is not { } deadLetter)
            return outcome;
        try
        {
            await pubsub.PublishAsync(deadLetter, message.CloudEvent, message.Metadata, ct);
            PubSubLog.DeadLettered(logger, spec.PubsubName, spec.Topic, deadLetter, message.BrokerId);
            return DeliveryOutcome.Drop;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not in the dead-letter topic yet: keep it in the broker rather than lose it.
            PubSubLog.DeadLetterFailed(logger, spec.PubsubName, spec.Topic, deadLetter, e.Message);
            return DeliveryOutcome.Retry;
        }
    }
}
