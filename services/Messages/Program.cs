using ChatDapr.Messages;
using ChatDapr.ServiceDefaults;

// The table of contents is MessagesApp (AddApplicationServices: JSON, errors, Dapr, storage, history, read markers;
// MapMessages: error middleware, CloudEvents, health, the history, sync and read-marker APIs, the message-event
// subscriptions).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapMessages();
app.Run();
