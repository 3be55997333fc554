using ChatDapr.Presence;
using ChatDapr.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddPresenceServices(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapActorsHandlers();
app.Run();
