using ChatDapr.Contracts.Errors;
using Microsoft.AspNetCore.SignalR;
using Shouldly;

namespace ChatDapr.Testing.Chat;

public static class HubErrorAssertions
{
    // The client sees "An unexpected error occurred invoking 'X' on the server. HubException: <code>: <detail>".
    public static async Task<string> ShouldFailWithAsync(this Task call, string expectedCode)
    {
        var error = await Should.ThrowAsync<HubException>(call);
        ChatError.TryParseCode(error.Message, out var code).ShouldBeTrue(error.Message);
        code.ShouldBe(expectedCode, error.Message);
        return error.Message;
    }
}

public static class TaskAssertions
{
    public static async Task ShouldBeEmptyAsync<T>(this Task<IReadOnlyList<T>> call) => (await call).ShouldBeEmpty();
}
