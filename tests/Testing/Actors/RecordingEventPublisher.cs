using ChatDapr.Contracts.Events;

namespace ChatDapr.Testing.Actors;

/// <summary>An <see cref="IEventPublisher"/> that records what was published, in order, and can fail on demand.</summary>
public sealed class RecordingEventPublisher : IEventPublisher
{
    private readonly List<(string Topic, IIntegrationEvent Event)> published = new();
    private readonly Lock gate = new();

    /// <summary>Runs before an event is recorded, e.g. to check what was persisted at that moment.</summary>
    public Action<IIntegrationEvent>? OnPublish { get; set; }

    /// <summary>While set, every publish throws it and records nothing (a broker outage).</summary>
    public Exception? FailWith { get; set; }

    /// <summary>How many publishes were attempted, including failed ones.</summary>
    public int Attempts { get; private set; }

    /// <summary>Everything published so far, in order.</summary>
    public IReadOnlyList<(string Topic, IIntegrationEvent Event)> Published
    {
        get { lock (gate) return published.ToList(); }
    }

    /// <summary>The published events of one type, in order.</summary>
    public IReadOnlyList<TEvent> OfType<TEvent>() where TEvent : IIntegrationEvent
    {
        lock (gate) return published.Select(p => p.Event).OfType<TEvent>().ToList();
    }

    public Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent<TEvent>
    {
        lock (gate) Attempts++;
        OnPublish?.Invoke(integrationEvent);
        if (FailWith is { } failure)
            throw failure;
        lock (gate) published.Add((TEvent.Topic, integrationEvent));
        return Task.CompletedTask;
    }
}
