using System.Runtime.InteropServices;
using Ledger.Bench;
using Ledger.Bench.Scenarios;

if (args.Length > 0 && args[0] == EmptyServer.Command)
{
    return await EmptyServer.RunAsync(args[1..]);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

// Ctrl+C and SIGTERM cancel the run; the scenarios then stop the processes they started.
using var cancellation = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

try
{
    await BenchRun.RunAsync(options, cancellation.Token);
    return 0;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Interrupted: the service processes of this run are stopped.");
    return 130;
}

void Cancel(PosixSignalContext signal)
{
    signal.Cancel = true;
    cancellation.Cancel();
}
