using ChatDapr.Contracts.Errors;
using Shouldly;

namespace ChatDapr.Rooms.Tests;

internal static class ChatErrorAssertions
{
    public static async Task<ChatError> ShouldFailWithAsync(this Task task, string code)
    {
        var error = await Should.ThrowAsync<ChatError>(task);
        error.Code.ShouldBe(code, error.Message);
        return error;
    }
}
