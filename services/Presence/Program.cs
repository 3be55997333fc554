using ChatDapr.Presence;
using ChatDapr.ServiceDefaults;

// The table of contents is PresenceApp (AddApplicationServices: options, Dapr, PresenceActor;
// MapPresence: health, the actor runtime's routes).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapPresence();
app.Run();
