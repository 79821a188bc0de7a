using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;

namespace Ledger.Api.Hosting;

/// <summary>
/// Turns a write that lost a race on a stream into a 409 problem response instead of a 500: the
/// client reads again and retries.
/// </summary>
public sealed partial class ConcurrencyFailureHandler(ILogger<ConcurrencyFailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception,
        CancellationToken cancellationToken)
    {
        var failure = exception is AggregateException aggregate ? aggregate.InnerExceptions[0] : exception;
        if (failure is not (ConcurrencyException or ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException or EventStreamUnexpectedMaxEventIdException))
        {
            return false;
        }

        LogConflict(failure, httpContext.Request.Method, httpContext.Request.Path);
        var problem = Problems.Rule(StatusCodes.Status409Conflict, "concurrent-change", "Concurrent change",
            "Another request changed the same stream at the same time, so this one appended nothing. Retry it.",
            httpContext.Request.Path.Value);
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} lost a concurrent write; answered 409")]
    private partial void LogConflict(Exception exception, string method, PathString path);
}
