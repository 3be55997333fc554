using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;
using ChatDapr.Gateway.Chat;
using ChatDapr.Gateway.Metrics;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

public sealed class MessageCommandsTests
{
    private readonly FakeChatActors actors = new();

    [Fact]
    public async Task Send_ValidRequest_CallerIsSenderAndAckReturned()
    {
        var room = actors.AddRoom("r1", 4, "alice");

        var ack = await new MessageCommands(actors, new GatewayMetrics()).SendAsync("alice", new SendMessageRequest("r1", "c-1", "hi", ReplyTo: "m0"));

        var command = room.Sends.ShouldHaveSingleItem();
        (command.SenderId, command.ClientMessageId, command.Text, command.ReplyTo).ShouldBe(("alice", "c-1", "hi", "m0"));
        ack.ShouldBe(new SendAck("r1", "m-c-1", 5, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public async Task Send_TooManyAttachments_InvalidWithoutActorCall()
    {
        var room = actors.AddRoom("r1", 0, "alice");
        var files = Enumerable.Range(0, MessageCommands.MaxAttachments + 1).Select(i => new Attachment("a" + i, "f", "image/png", 1)).ToList();

        var error = await Should.ThrowAsync<ChatError>(() =>
            new MessageCommands(actors, new GatewayMetrics()).SendAsync("alice", new SendMessageRequest("r1", "c-1", "", Attachments: files)));

        error.Code.ShouldBe(ChatErrorCodes.Invalid);
        room.Sends.ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_NullRequest_Invalid() =>
        (await Should.ThrowAsync<ChatError>(() => new MessageCommands(actors, new GatewayMetrics()).SendAsync("alice", null))).Code
            .ShouldBe(ChatErrorCodes.Invalid);
}
