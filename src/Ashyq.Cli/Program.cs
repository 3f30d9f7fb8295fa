using Ashyq.Cli;

return await AshyqCommand.RunAsync(args, Console.Out, Console.Error);
