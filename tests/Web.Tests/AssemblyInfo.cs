using ChatDapr.Web.Tests.Browser;

// One system and one chromium for the whole assembly (starting them takes seconds); every test opens its own
// browser contexts and registers fresh users, so test classes still run in parallel.
[assembly: AssemblyFixture(typeof(WebSystem))]
