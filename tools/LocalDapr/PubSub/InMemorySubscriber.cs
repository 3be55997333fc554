using System.Globalization;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>
/// One subscriber of an in-memory consumer group: <c>concurrency</c> loops taking deliveries from the group's queue.
/// Success and Drop acknowledge (the delivery is simply not put back); Retry or an exception puts it back after an
/// exponential back-off; a delivery interrupted by unsubscribing goes back at once for another subscriber.
/// </summary>
internal sealed class InMemorySubscriber : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    private readonly InMemoryGroup _group;
    private readonly Func<BrokerMessage, CancellationToken, Task<DeliveryOutcome>> _handler;
    private readonly TimeSpan _redeliverInterval;
    private readonly ILogger _logger;
    private readonly CancellationToken _brokerDisposed;
    private readonly CancellationTokenSource _stop;
    private readonly Task[] _loops;

    public InMemorySubscriber(
        InMemoryGroup group, Func<BrokerMessage, CancellationToken, Task<DeliveryOutcome>> handler, int concurrency,
        TimeSpan redeliverInterval, ILogger logger, CancellationToken brokerDisposed)
    {
        _group = group;
        _handler = handler;
        _redeliverInterval = redeliverInterval;
        _logger = logger;
        _brokerDisposed = brokerDisposed;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(brokerDisposed);
        _loops = Enumerable.Range(0, concurrency).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    private async Task RunAsync()
    {
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            InMemoryDelivery delivery;
            try
            {
                delivery = await _group.Reader.ReadAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await DeliverAsync(delivery, ct);
        }
    }

    private async Task DeliverAsync(InMemoryDelivery delivery, CancellationToken ct)
    {
        var entry = delivery.Entry;
        var message = new BrokerMessage(entry.Topic, entry.Data, entry.Metadata)
        {
            BrokerId = entry.Sequence.ToString(CultureInfo.InvariantCulture),
            Attempt = delivery.Attempt,
        };
        DeliveryOutcome outcome;
        try
        {
            outcome = await _handler(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Unsubscribed mid-delivery: not acknowledged, so another subscriber of the group gets it now.
            _group.Enqueue(delivery);
            return;
        }
        catch (Exception e)
        {
            PubSubLog.HandlerFailed(_logger, _group.Topic, _group.Name, message.BrokerId, e.Message);
            outcome = DeliveryOutcome.Retry;
        }
        if (outcome == DeliveryOutcome.Retry)
            _group.EnqueueLater(delivery with { Attempt = delivery.Attempt + 1 }, BackOff(delivery.Attempt), _brokerDisposed);
    }

    private TimeSpan BackOff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxBackOff.Ticks, _redeliverInterval.Ticks * (1L << Math.Min(attempt - 1, 16))));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }
}
