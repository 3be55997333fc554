using System.Net;
using System.Text.Json;
using ChatDapr.Contracts.Names;
using ChatDapr.Messages.Tests.Infrastructure;
using ChatDapr.Testing;
using Shouldly;

namespace ChatDapr.Messages.Tests.Service;

public sealed class MessagesHostTests
{
    [Fact]
    public async Task DaprSubscribe_MessagesApp_SubscribesToTheThreeMessageTopicsOnChatPubSub()
    {
        await using var cluster = await ChatCluster.StartAsync();

        var body = await cluster.MessagesApp.GetStringAsync("dapr/subscribe", TestContext.Current.CancellationToken);

        using var subscriptions = JsonDocument.Parse(body);
        subscriptions.RootElement.EnumerateArray()
            .Select(s => (s.GetProperty("pubsubName").GetString(), s.GetProperty("topic").GetString()))
            .OrderBy(s => s.Item2)
            .ShouldBe([
                (DaprComponents.PubSub, Topics.MessageDeleted),
                (DaprComponents.PubSub, Topics.MessageEdited),
                (DaprComponents.PubSub, Topics.MessagePosted),
            ]);
    }

    [Fact]
    public async Task Health_MessagesAppWithSidecar_Healthy()
    {
        await using var cluster = await ChatCluster.StartAsync();

        // Readiness probes the sidecar with a 2 s timeout, so on a loaded machine one probe may fail: poll until ready.
        var status = HttpStatusCode.ServiceUnavailable;
        await Poll.UntilAsync(async () =>
        {
            using var response = await cluster.MessagesApp.GetAsync("health", TestContext.Current.CancellationToken);
            status = response.StatusCode;
            return status == HttpStatusCode.OK;
        }, "the messages app reports healthy");

        status.ShouldBe(HttpStatusCode.OK);
    }
}
