using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Ledger.Bench.Infrastructure;

/// <summary>A response status with the claim fields that seeding needs, read from a claim response body.</summary>
public sealed record ClaimResult(int Status, Guid? ClaimId, string? ClaimStatus);

/// <summary>Calls the ledger's HTTP endpoints on 127.0.0.1 and returns status codes, reading each body in
/// full.</summary>
public sealed class LedgerClient(HttpClient http)
{
    public static HttpClient CreateHttpClient(Uri baseUri) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
        })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public async Task<(int Status, string Body)> ImportAsync(string jsonLines, string adminToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports")
        {
            Content = new StringContent(jsonLines, Encoding.UTF8, "application/x-ndjson"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request, ct);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    public async Task<int> FollowAsync(string authorId, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/authors/{authorId}/follow");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return (int)response.StatusCode;
    }

    public async Task<ClaimResult> ClaimAsync(string authorId, string token, string evidenceLink, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new { evidence = new[] { new { kind = "link", value = evidenceLink } } });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/authors/{authorId}/claims")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if ((int)response.StatusCode != 201)
        {
            return new ClaimResult((int)response.StatusCode, null, null);
        }

        using var json = JsonDocument.Parse(text);
        return new ClaimResult(201, json.RootElement.GetProperty("claimId").GetGuid(),
            json.RootElement.GetProperty("status").GetString());
    }

    public async Task<int> ApproveAsync(string authorId, Guid claimId, string verifierToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/api/authors/{authorId}/claims/{claimId.ToString("D", CultureInfo.InvariantCulture)}/approve")
        {
            Content = new StringContent("""{"reason": "the affiliation page names this account"}""", Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", verifierToken);
        using var response = await http.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return (int)response.StatusCode;
    }

    public async Task<int> InviteAsync(string authorId, string token, string message, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new { message });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/authors/{authorId}/invitations")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return (int)response.StatusCode;
    }

    public async Task<int> GetAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return (int)response.StatusCode;
    }

    public async Task<string> GetStringAsync(string path, CancellationToken ct) =>
        await http.GetStringAsync(new Uri(path, UriKind.Relative), ct);
}
