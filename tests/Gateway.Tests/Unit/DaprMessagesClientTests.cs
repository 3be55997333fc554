using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Messages;
using ChatDapr.Gateway.Messages;
using Shouldly;

namespace ChatDapr.Gateway.Tests.Unit;

// The wire contract with the messages service: POST internal/... with camelCase JSON; problems become ChatErrors.
public sealed class DaprMessagesClientTests
{
    [Fact]
    public async Task GetHistory_Query_PostsCamelCaseBodyAndReadsPage()
    {
        var handler = new Recorder(HttpStatusCode.OK,
            """{"messages":[{"roomId":"r1","messageId":"m1","seq":3,"senderId":"bob","text":"hi","sentAt":"2026-03-01T09:00:00+00:00"}],"hasMore":true}""");
        var client = new DaprMessagesClient(new HttpClient(handler) { BaseAddress = new Uri("http://messages/") });

        var page = await client.GetHistoryAsync(new HistoryQuery("r1", null, 50, 7), TestContext.Current.CancellationToken);

        handler.Request!.Method.ShouldBe(HttpMethod.Post);
        handler.Request.RequestUri!.AbsolutePath.ShouldBe("/internal/history");
        var body = JsonNode.Parse(handler.Body!)!.AsObject();
        body.Select(p => p.Key).ShouldBe(["roomId", "limit", "lastSeq"]);
        body["lastSeq"]!.GetValue<long>().ShouldBe(7);
        page.HasMore.ShouldBeTrue();
        page.Messages.ShouldHaveSingleItem().Seq.ShouldBe(3);
    }

    [Fact]
    public async Task MarkRead_Forbidden_ThrowsChatError()
    {
        var handler = new Recorder(HttpStatusCode.Forbidden, """{"type":"forbidden","detail":"forbidden: not a member"}""");
        var client = new DaprMessagesClient(new HttpClient(handler) { BaseAddress = new Uri("http://messages/") });

        var error = await Should.ThrowAsync<ChatError>(() =>
            client.MarkReadAsync(new ReadMarkerUpdate("r1", "alice", 2, 5), TestContext.Current.CancellationToken));

        error.Code.ShouldBe(ChatErrorCodes.Forbidden);
        handler.Request!.RequestUri!.AbsolutePath.ShouldBe("/internal/read-markers");
    }

    [Fact]
    public async Task Sync_ServerError_NotAChatError()
    {
        var client = new DaprMessagesClient(new HttpClient(new Recorder(HttpStatusCode.InternalServerError, "boom")) { BaseAddress = new Uri("http://messages/") });

        await Should.ThrowAsync<HttpRequestException>(() =>
            client.SyncAsync(new SyncQuery([new SyncRoomQuery("r1", 0, 1)], 100), TestContext.Current.CancellationToken));
    }

    private sealed class Recorder(HttpStatusCode status, string response) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(response, Encoding.UTF8, "application/json") };
        }
    }
}
