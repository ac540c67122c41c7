using FundingArb.Node.Hosting;

return await NodeCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

/// The entry point (public so in-process API tests can host it with WebApplicationFactory).
public partial class Program;
