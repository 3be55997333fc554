namespace ChatDapr.Gateway.Auth;

// Loads the signing key at startup so the first login or hub connection does not pay for it; retries while the
// sidecar or secret store is not ready yet. Requests that come earlier load the key themselves.
internal sealed partial class SigningKeyWarmup(SigningKeyProvider keys, ILogger<SigningKeyWarmup> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await keys.GetAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLoadFailed(logger, e.GetType().Name);
            }
            await Task.Delay(RetryDelay, stoppingToken);
        }
    }

    // Only the exception type: the message of a secret-store error could echo secret material.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the JWT signing key failed ({ErrorType}); retrying")]
    private static partial void LogLoadFailed(ILogger logger, string errorType);
}
