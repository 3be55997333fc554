using ChatDapr.Contracts.Events;

namespace ChatDapr.Gateway.Fanout;

// Delivers one kind of integration event from chat-fanout to this instance's connections.
public interface IFanoutHandler<in TEvent> where TEvent : IIntegrationEvent<TEvent>
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
