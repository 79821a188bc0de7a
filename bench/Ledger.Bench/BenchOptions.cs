using System.Globalization;

namespace Ledger.Bench;

/// <summary>Command-line options and the sizes of every scenario; --quick shrinks the sizes for a smoke run.</summary>
public sealed record BenchOptions
{
    public string PgHost { get; init; } = "127.0.0.1";

    public int PgPort { get; init; }

    public string PgUser { get; init; } = "postgres";

    /// <summary>Path of the built Ledger.Api.dll; its folder contains appsettings.Development.json.</summary>
    public string ApiDll { get; init; } = "";

    public string LogDirectory { get; init; } = "";

    /// <summary>Process id of the PostgreSQL postmaster, to measure the CPU time of the server.</summary>
    public int? PgPid { get; init; }

    /// <summary>File that lists the ids of running child processes, for the cleanup of bench/run.sh.</summary>
    public string? PidFile { get; init; }

    public bool Quick { get; init; }

    /// <summary>The scenario groups to run: follow, mixed, reads, cold-start and rebuild (which includes trust as of
    /// a time).</summary>
    public IReadOnlySet<string> Scenarios { get; init; } = AllScenarios;

    public static IReadOnlySet<string> AllScenarios { get; } =
        new HashSet<string>(["follow", "mixed", "reads", "cold-start", "rebuild"], StringComparer.Ordinal);

    public int Records { get; init; } = 4_000;

    public int Followers { get; init; } = 2_000;

    public int Claims { get; init; } = 300;

    public int Invitations { get; init; } = 150;

    public int FollowsPerLevel { get; init; } = 2_000;

    public IReadOnlyList<int> FollowConcurrency { get; init; } = [1, 16, 64];

    public int MixedCount { get; init; } = 3_000;

    public int MixedConcurrency { get; init; } = 16;

    public double ReadRate { get; init; } = 500;

    public TimeSpan ReadDuration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan ReadBaselineDuration { get; init; } = TimeSpan.FromSeconds(5);

    public int ColdStarts { get; init; } = 5;

    /// <summary>Rounds of 25,000 events; 40 rounds and the long record make 1,010,000 events.</summary>
    public int RebuildRounds { get; init; } = 40;

    public TimeSpan RebuildTimeLimit { get; init; } = TimeSpan.FromSeconds(210);

    public int TrustRepetitions { get; init; } = 20;

    /// <summary>Per-level time limit of the follow scenario and of each mixed run.</summary>
    public TimeSpan LoadTimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length
                ? args[++i]
                : throw new ArgumentException($"Option {args[i]} needs a value.");

            options = args[i] switch
            {
                "--pg-host" => options with { PgHost = Value() },
                "--pg-port" => options with { PgPort = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--pg-user" => options with { PgUser = Value() },
                "--pg-pid" => options with { PgPid = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--api-dll" => options with { ApiDll = Path.GetFullPath(Value()) },
                "--log-dir" => options with { LogDirectory = Path.GetFullPath(Value()) },
                "--pid-file" => options with { PidFile = Path.GetFullPath(Value()) },
                "--quick" => options.AsQuick(),
                "--scenarios" => options with { Scenarios = ParseScenarios(Value()) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. {Usage}"),
            };
        }

        if (options.PgPort <= 0 || options.ApiDll.Length == 0 || options.LogDirectory.Length == 0)
        {
            throw new ArgumentException($"--pg-port, --api-dll and --log-dir are required. {Usage}");
        }

        if (!File.Exists(options.ApiDll))
        {
            throw new ArgumentException(
                $"The API assembly {options.ApiDll} does not exist; build src/Ledger.Api in Release first.");
        }

        return options;
    }

    public const string Usage =
        "Usage: Ledger.Bench --pg-port PORT --api-dll PATH --log-dir DIR [--pg-host HOST] [--pg-user USER] "
        + "[--pg-pid PID] [--pid-file FILE] [--quick] [--scenarios follow,mixed,reads,cold-start,rebuild]. "
        + "Run it through bench/run.sh, which starts PostgreSQL and builds the API.";

    private static HashSet<string> ParseScenarios(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        var unknown = names.Except(AllScenarios).ToList();
        return unknown.Count == 0
            ? names
            : throw new ArgumentException(
                $"Unknown scenario '{unknown[0]}'; choose among {string.Join(", ", AllScenarios)}.");
    }

    private BenchOptions AsQuick() =>
        this with
        {
            Quick = true,
            Records = 1_000,
            Followers = 400,
            Claims = 60,
            Invitations = 30,
            FollowsPerLevel = 400,
            MixedCount = 600,
            ReadDuration = TimeSpan.FromSeconds(5),
            ReadBaselineDuration = TimeSpan.FromSeconds(3),
            ColdStarts = 2,
            RebuildRounds = 4,
            RebuildTimeLimit = TimeSpan.FromSeconds(60),
            TrustRepetitions = 5,
        };
}
