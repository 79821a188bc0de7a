using Ledger.Domain.Authors.Importing;

namespace Ledger.Api.Authors.Importing;

/// <summary>Reads an import from a file, or from every .json and .jsonl file of a folder as one batch.</summary>
public static class ImportFiles
{
    public static async Task<(ImportBatch Batch, IReadOnlyList<string> Problems)> ReadAsync(string path,
        CancellationToken ct)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                    || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [path];

        var authors = new List<(string, Ledger.Domain.Authors.AuthorDetails)>();
        var works = new List<SourceWork>();
        var problems = new List<string>();
        foreach (var file in files)
        {
            var batch = OpenAlexDocuments.Parse(await File.ReadAllTextAsync(file, ct));
            authors.AddRange(batch.Authors);
            works.AddRange(batch.Works);
            problems.AddRange(batch.Problems.Select(p => $"{Path.GetFileName(file)}: {p}"));
        }

        return (new ImportBatch(authors, works, []), problems);
    }

    /// <summary>Finds the seed folder: the configured one, else the nearest "seeds" folder above the app.</summary>
    public static string? FindSeedDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Ledger:SeedDirectory"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "seeds");
                if (File.Exists(Path.Combine(candidate, "authors.jsonl")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
