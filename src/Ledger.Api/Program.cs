using JasperFx;
using Ledger.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddLedgerMarten();
builder.AddLedgerWolverine();
builder.AddLedgerHttp();
builder.AddLedgerImports();

var app = builder.Build();

app.UseLedgerHttp();

return await app.RunJasperFxCommands(args);

/// <summary>The entry point, public so that test hosts can start the application.</summary>
public partial class Program;
