using ChatDapr.Gateway;
using ChatDapr.ServiceDefaults;

// The table of contents is GatewayApp (AddApplicationServices: Dapr, auth, accounts, connections, hub, fan-out;
// MapGateway: middleware, health, /api/auth, /api/users, /hubs/chat, chat-fanout subscriptions).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapGateway();
app.Run();
