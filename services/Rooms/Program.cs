using ChatDapr.Rooms;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRoomsServices(builder.Configuration);

var app = builder.Build();
app.MapActorsHandlers();
app.Run();
