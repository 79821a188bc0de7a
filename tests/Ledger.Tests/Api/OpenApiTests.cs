using System.Text.Json;
using Alba;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Api;

public class OpenApiTests(AppFixture app) : AppTest(app)
{
    [Theory]
    [InlineData("/api/authors/{id}/claims")]
    [InlineData("/api/authors/{id}/claims/{claimId}/evidence")]
    [InlineData("/api/authors/{id}/claims/{claimId}/withdraw")]
    [InlineData("/api/authors/{id}/claims/{claimId}/release")]
    [InlineData("/api/authors/{id}/claims/{claimId}/approve")]
    [InlineData("/api/authors/{id}/claims/{claimId}/reject")]
    [InlineData("/api/authors/{id}/claims/{claimId}/revoke")]
    [InlineData("/api/authors/{id}/claims/{claimId}/attestations")]
    [InlineData("/api/authors/{id}/disputes/{disputeId}/resolve")]
    [InlineData("/api/accounts/{subject}/suspend")]
    [InlineData("/api/accounts/{subject}/reinstate")]
    public async Task Command_lists_body_and_errors(string path)
    {
        var document = await App.Host.GetAsJson<JsonElement>("/openapi/v1.json");

        var post = document.GetProperty("paths").GetProperty(path).GetProperty("post");
        Assert.True(post.TryGetProperty("requestBody", out _), $"{path} has no request body");
        var responses = post.GetProperty("responses");
        foreach (var status in new[] { "400", "401", "403", "404", "409", "412", "422" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"{path} does not list {status}");
        }
    }

    [Theory]
    [InlineData("/api/authors/{id}/follow")]
    [InlineData("/api/authors/{id}/unfollow")]
    public async Task Follow_commands_list_errors(string path)
    {
        var document = await App.Host.GetAsJson<JsonElement>("/openapi/v1.json");

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out _));
        Assert.True(responses.TryGetProperty("401", out _));
        Assert.True(responses.TryGetProperty("404", out _));
    }
}
