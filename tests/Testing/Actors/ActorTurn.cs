using Dapr.Actors.Runtime;

namespace ChatDapr.Testing.Actors;

/// <summary>
/// Runs one actor method the way the Dapr actor runtime does: after success it saves pending state, after a failure
/// it drops pending state (so only what the actor saved explicitly survives a throwing call).
/// </summary>
public static class ActorTurn
{
    public static async Task<T> RunAsync<T>(IActorStateManager state, Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            await state.SaveStateAsync();
            return result;
        }
        catch
        {
            await state.ClearCacheAsync();
            throw;
        }
    }

    public static Task RunAsync(IActorStateManager state, Func<Task> call) =>
        RunAsync(state, async () =>
        {
            await call();
            return true;
        });
}
