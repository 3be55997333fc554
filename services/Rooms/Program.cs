using ChatDapr.Rooms;
using ChatDapr.ServiceDefaults;

// The table of contents is RoomsApp (AddApplicationServices: options, Dapr, RoomActor and UserRoomsActor;
// MapRooms: health, the actor runtime's routes).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapRooms();
app.Run();
