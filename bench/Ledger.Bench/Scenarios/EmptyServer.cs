using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ledger.Bench.Scenarios;

/// <summary>
/// The baseline of the cold start: an ASP.NET Core app built with WebApplication.CreateBuilder, like
/// the API, that returns 200 for GET /health/live and has no other endpoint.
/// </summary>
public static class EmptyServer
{
    public const string Command = "serve-empty";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/health/live", () => "Healthy");
        await app.RunAsync();
        return 0;
    }
}
