using ChatDapr.Presence;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPresenceServices(builder.Configuration);

var app = builder.Build();
app.MapActorsHandlers();
app.Run();
