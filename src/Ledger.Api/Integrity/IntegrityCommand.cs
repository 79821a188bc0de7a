using JasperFx.CommandLine;
using Marten;

namespace Ledger.Api.Integrity;

public sealed class IntegrityInput : NetCoreInput;

[Description("Checks the hash chain of every stream and lists each broken one; fails when any is broken",
    Name = "integrity")]
public sealed class IntegrityCommand : JasperFxAsyncCommand<IntegrityInput>
{
    public override async Task<bool> Execute(IntegrityInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();

        var streamIds = await session.QueryAsync<Guid>("select id from ledger.mt_streams order by id");
        var broken = 0;
        foreach (var streamId in streamIds)
        {
            var report = await StreamIntegrity.CheckAsync(session, streamId, CancellationToken.None);
            if (!report.Intact)
            {
                broken++;
                Console.WriteLine($"{streamId}: broken at version {report.FirstBrokenVersion}: {report.Reason}");
            }
        }

        Console.WriteLine($"{streamIds.Count} streams checked, {broken} broken.");
        return broken == 0;
    }
}
