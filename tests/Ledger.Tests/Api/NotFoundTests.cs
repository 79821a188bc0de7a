using System.Text.Json;
using Alba;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Api;

public class NotFoundTests(AppFixture app) : AppTest(app)
{
    [Theory]
    [InlineData("/api/authors/A404")]
    [InlineData("/api/authors/A404/trust")]
    [InlineData("/api/authors/A404/verification")]
    [InlineData("/api/authors/not-an-id")]
    [InlineData("/api/authors/0000-0002-1825-0097")]
    public async Task Unknown_author_gets_404_problem(string url)
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.ShouldReturnProblemDetails(404);
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal("author-not-found", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        await App.Host.Scenario(s => s.Get.Url("/health/live"));
        await App.Host.Scenario(s => s.Get.Url("/health/ready"));
    }

    [Fact]
    public async Task OpenApi_lists_every_route()
    {
        var document = await App.Host.GetAsJson<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/authors", "/api/authors/{id}", "/api/authors/{id}/trust",
                     "/api/authors/{id}/verification", "/api/imports" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI document lacks {path}");
        }
    }
}
