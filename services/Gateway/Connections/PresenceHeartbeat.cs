using ChatDapr.Contracts.Actors;
using ChatDapr.Gateway.Chat;
using Microsoft.Extensions.Options;

namespace ChatDapr.Gateway.Connections;

// Every interval, tells each local user's presence actor which of their connections this instance still holds. That
// keeps them alive and drops ones this instance lost without a clean disconnect; if this instance dies, the
// heartbeats stop and the actors expire its connections.
public sealed partial class PresenceHeartbeat(
    LocalMembership membership,
    IChatActors actors,
    GatewayInstance instance,
    IOptions<HeartbeatOptions> options,
    ILogger<PresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await BeatAsync(stoppingToken);
    }

    public Task BeatAsync(CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            membership.Snapshot(),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelCalls, CancellationToken = cancellationToken },
            async (user, _) =>
            {
                try
                {
                    await actors.Presence(user.UserId).HeartbeatAsync(new HeartbeatCommand(instance.Id, user.ConnectionIds));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogHeartbeatFailed(logger, e, user.UserId);
                }
            });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence heartbeat for user {UserId} failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, string userId);
}
