namespace ChatDapr.LocalDapr.Tests.State;

public sealed class InMemoryStateConformanceTests : StateConformanceTests
{
    protected override Task<string> ComponentYamlAsync() => Task.FromResult(Components.InMemoryState(Store));

    // The in-memory store has no storage beside itself: read through the component with the full key.
    protected override async Task<(byte[] Data, string ETag)?> ReadRawAsync(StateTestHost test, string fullKey) =>
        await test.Store(Store).GetAsync(fullKey, test.Ct) is { } item ? (item.Value, item.ETag) : null;
}
