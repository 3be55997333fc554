using System.Text;
using ChatDapr.Contracts.Names;
using Dapr.Client;
using Microsoft.IdentityModel.Tokens;

namespace ChatDapr.Gateway.Auth;

// The HS256 key, read once from the Dapr secret store and cached for the life of the process. Every gateway instance
// reads the same secret, so a token issued by one instance is valid on all.
public sealed class SigningKeyProvider
{
    // HS256 needs a key of at least 256 bits; IdentityModel refuses shorter ones.
    public const int MinimumKeyBytes = 32;

    private readonly Func<CancellationToken, Task<string?>> readSecret;
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile SymmetricSecurityKey? key;

    public SigningKeyProvider(DaprClient dapr)
        : this(ct => ReadSecretAsync(dapr, ct))
    {
    }

    // Unit tests hand in the secret directly.
    internal SigningKeyProvider(Func<CancellationToken, Task<string?>> readSecret) => this.readSecret = readSecret;

    // Null until the first successful load; token validation resolves keys through this, synchronously.
    public SymmetricSecurityKey? Current => key;

    public async ValueTask<SymmetricSecurityKey> GetAsync(CancellationToken cancellationToken)
    {
        if (key is { } cached)
            return cached;
        await gate.WaitAsync(cancellationToken);
        try
        {
            return key ??= ToKey(await readSecret(cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<string?> ReadSecretAsync(DaprClient dapr, CancellationToken cancellationToken)
    {
        var secret = await dapr.GetSecretAsync(DaprComponents.Secrets, AuthOptions.SigningKeySecret, cancellationToken: cancellationToken);
        return secret.GetValueOrDefault(AuthOptions.SigningKeySecret);
    }

    private static SymmetricSecurityKey ToKey(string? value)
    {
        if (value is null || Encoding.UTF8.GetByteCount(value) < MinimumKeyBytes)
        {
            throw new InvalidOperationException(
                $"secret '{AuthOptions.SigningKeySecret}' in '{DaprComponents.Secrets}' must hold at least {MinimumKeyBytes} bytes");
        }
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(value));
    }
}
