using ChatDapr.Rooms;
using ChatDapr.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddRoomsServices(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapActorsHandlers();
app.Run();
