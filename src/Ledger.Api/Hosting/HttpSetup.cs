using System.Text.Json.Serialization;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Ledger.Api.Hosting;

public static class HttpSetup
{
    public static void AddLedgerHttp(this WebApplicationBuilder builder)
    {
        // Enums travel as their names, in requests and responses alike.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        // NOTE: a body that does not bind (bad JSON, an unknown enum name) gets Wolverine's plain 400 problem,
        // without the "rule" and "value" members of the ledger's own problems.
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ConcurrencyFailureHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddWolverineHttp();
        builder.AddLedgerAuthentication();

        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"]);
    }

    public static void UseLedgerHttp(this WebApplication app)
    {
        app.UseExceptionHandler();

        // Writes a problem response for every error status that has no body yet, 401 and 403 among them.
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });

        app.MapWolverineEndpoints(options =>
        {
            // A stale expected version is a 409 problem response, never a 500.
            options.MapMartenConcurrencyFailuresToConflict();

            // "?page=abc" is a 400 problem response rather than the parameter's default value.
            options.RejectUnparseableQueryValues = true;

            options.ConfigureEndpoints(CommandPolicy.Apply);
        });
    }
}

/// <summary>Reports ready when PostgreSQL runs a query through the event store's connection.</summary>
internal sealed class PostgresHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL did not answer", exception);
        }
    }
}
