using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;

namespace Ledger.Api.Hosting;

/// <summary>What every POST endpoint shares: Idempotency-Key support and the problem responses it may return.</summary>
public static class CommandPolicy
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static void Apply(HttpChain chain)
    {
        if (!chain.HttpMethods.Contains("POST"))
        {
            return;
        }

        // A retry with the same key and request gets the first response, and the events are appended
        // once. A key whose first attempt failed may be used again, and keys belong to the token subject.
        chain.DeduplicatedWithResponse = new DeduplicatedWithResponseRequirement
        {
            Scope = DeduplicationScope.User,
            Source = ValueSource.Header,
            Key = IdempotencyKeyHeader,
            Required = false,
            ClaimInTransaction = true,
        };

        foreach (var status in new[] { 400, 401, 403, 404, 409, 412, 422 })
        {
            chain.Metadata.Produces<ProblemDetails>(status, "application/problem+json");
        }
    }
}
