using ChatDapr.Messages;
using ChatDapr.Messages.Apis;
using ChatDapr.Messages.Handlers;
using ChatDapr.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCloudEvents();

app.MapDefaultEndpoints();
app.MapSubscribeHandler();
app.MapHistoryApi();
app.MapReadMarkersApi();
app.MapMessagePostedHandler();
app.MapMessageEditedHandler();
app.MapMessageDeletedHandler();

app.Run();
