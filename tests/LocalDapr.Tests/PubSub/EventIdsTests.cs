using ChatDapr.LocalDapr.PubSub;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.PubSub;

public sealed class EventIdsTests
{
    [Fact]
    public void New_ManyIds_DistinctVersion4Uuids()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => EventIds.New()).ToList();

        ids.Distinct().Count().ShouldBe(ids.Count);
        ids.ShouldAllBe(id => System.Text.RegularExpressions.Regex.IsMatch(id, "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    }
}
