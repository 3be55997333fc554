using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Messages;
using ChatDapr.Contracts.Names;
using ChatDapr.Contracts.Wire;
using ChatDapr.Messages.Tests.Infrastructure;
using Shouldly;

namespace ChatDapr.Messages.Tests.Service;

public sealed class MessagesApiErrorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(MessagesLimits.MaxPageSize + 1)]
    public async Task History_LimitOutOfRange_400ProblemWithInvalidCode(int limit)
    {
        await using var cluster = await ChatCluster.StartAsync();

        using var response = await cluster.MessagesApp.PostAsJsonAsync(
            MessagesRoutes.History, new HistoryQuery(RoomIds.NewGroup(), null, limit, 0), TestContext.Current.CancellationToken);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task History_InvalidThroughServiceInvocation_ProblemReachesTheCaller()
    {
        await using var cluster = await ChatCluster.StartAsync();

        using var response = await cluster.MessagesViaDapr.PostAsJsonAsync(
            MessagesRoutes.History, new HistoryQuery(RoomIds.NewGroup(), null, 0, 0), TestContext.Current.CancellationToken);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task History_UnknownRoomNeedingTheRoomLog_404ProblemWithNotFoundCode()
    {
        await using var cluster = await ChatCluster.StartAsync();

        using var response = await cluster.MessagesApp.PostAsJsonAsync(
            MessagesRoutes.History, new HistoryQuery(RoomIds.NewGroup(), null, 10, 2), TestContext.Current.CancellationToken);

        await ShouldBeProblemAsync(response, HttpStatusCode.NotFound, ChatErrorCodes.NotFound);
    }

    [Fact]
    public async Task ReadMarkers_MalformedJson_400ProblemWithInvalidCode()
    {
        await using var cluster = await ChatCluster.StartAsync();

        using var response = await cluster.MessagesApp.PostAsync(MessagesRoutes.ReadMarkers,
            new StringContent("{\"roomId\": ", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task ReadState_NegativeOrMissingFields_400ProblemWithInvalidCode()
    {
        await using var cluster = await ChatCluster.StartAsync();

        using var response = await cluster.MessagesApp.PostAsJsonAsync(
            MessagesRoutes.ReadState, new { roomIds = new[] { "r1" } }, TestContext.Current.CancellationToken);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task RoomReadMarkers_BlankUserThroughServiceInvocation_400ProblemWithInvalidCode()
    {
        await using var cluster = await ChatCluster.StartAsync();

        using var response = await cluster.MessagesViaDapr.PostAsJsonAsync(MessagesRoutes.RoomReadMarkers,
            new RoomReadMarkersQuery(RoomIds.NewGroup(), ["bob", " "]), TestContext.Current.CancellationToken);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, ChatErrorCodes.Invalid);
    }

    [Fact]
    public async Task RoomReadMarkers_MissingUserIds_400ProblemWithInvalidCode()
    {
        await using var cluster = await ChatCluster.StartAsync();

        using var response = await cluster.MessagesApp.PostAsJsonAsync(
            MessagesRoutes.RoomReadMarkers, new { roomId = RoomIds.NewGroup() }, TestContext.Current.CancellationToken);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, ChatErrorCodes.Invalid);
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        problem.RootElement.GetProperty("type").GetString().ShouldBe(code);
        problem.RootElement.GetProperty("title").GetString().ShouldBe(code);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
    }
}
