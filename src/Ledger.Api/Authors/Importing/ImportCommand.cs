using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Authors.Importing;

public sealed class ImportInput : NetCoreInput
{
    [Description("An OpenAlex JSON or JSON Lines file, or a folder of them")]
    public string Path { get; set; } = "";

    [Description("Who the events name as the importer")]
    [FlagAlias("by", 'b')]
    public string ByFlag { get; set; } = "system:import-command";
}

[Description("Imports OpenAlex author and work data; importing the same data again appends nothing", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input)
    {
        using var host = input.BuildHost();
        var (batch, problems) = await ImportFiles.ReadAsync(input.Path, CancellationToken.None);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            await Console.Error.WriteLineAsync("Import rejected: nothing was appended.");
            return false;
        }

        var report = await host.Services.GetRequiredService<AuthorImporter>()
            .ImportAsync(batch, input.ByFlag, CancellationToken.None);
        Console.WriteLine(
            $"{report.AuthorsImported} records imported, {report.AuthorsChanged} changed, "
            + $"{report.AuthorsUnchanged} unchanged; {report.EventsAppended} events appended.");
        return true;
    }
}
