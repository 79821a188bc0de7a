using System.Text.Json;

namespace Ledger.Bench.Infrastructure;

/// <summary>Optional endpoints, found in the API's OpenAPI document, that the scenarios use when they exist.</summary>
/// <param name="Invitations">POST /api/authors/{id}/invitations exists.</param>
/// <param name="TrustAt">GET /api/authors/{id}/trust takes an "at" query parameter.</param>
public sealed record ApiFeatures(bool Invitations, bool TrustAt)
{
    public static async Task<ApiFeatures> ReadAsync(LedgerClient client, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", ct));
        var paths = document.RootElement.GetProperty("paths");

        var invitations = paths.TryGetProperty("/api/authors/{id}/invitations", out var invitationPath)
            && invitationPath.TryGetProperty("post", out _);

        var trustAt = paths.TryGetProperty("/api/authors/{id}/trust", out var trustPath)
            && trustPath.TryGetProperty("get", out var get)
            && get.TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p =>
                p.GetProperty("name").GetString() == "at" && p.GetProperty("in").GetString() == "query");

        return new ApiFeatures(invitations, trustAt);
    }
}
