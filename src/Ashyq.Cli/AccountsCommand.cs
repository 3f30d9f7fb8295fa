using System.CommandLine;
using Ashyq.Core.Commissions;
using Ashyq.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Cli;

/// <summary><c>ashyq accounts add</c>: an account for one person acting for one commission in one role.</summary>
internal static class AccountsCommand
{
    /// <summary>The demo's accounts: known names and one password, for a store on 127.0.0.1 only.</summary>
    public const string DemoPassword = "ashyq-demo-2011";

    public static Command Create(Option<string> db, TextWriter output, TextWriter error)
    {
        var user = new Option<string>("--user") { Description = "The user name", Required = true };
        var commission = new Option<string>("--commission") { Description = "The commission's code (e.g. PEC-0001)", Required = true };
        var role = new Option<AccountRole>("--role") { Description = "Operator, Member, Secretary, Chair, Observer or Administrator", Required = true };
        var password = new Option<string?>("--password") { Description = "The password (at least 10 characters); a random one is made and printed if omitted" };
        var add = new Command("add", "Create an account scoped to one commission");
        add.Options.Add(user);
        add.Options.Add(commission);
        add.Options.Add(role);
        add.Options.Add(password);
        add.SetAction((r, ct) => AshyqCommand.Guard(error, async () =>
        {
            var store = AshyqCommand.Open(r.GetValue(db)!);
            await (await store.OpenAsync(ct)).DisposeAsync();
            try
            {
                var given = r.GetValue(password);
                var made = await AccountsAdmin.CreateAsync(store, r.GetValue(user)!, r.GetValue(commission)!, r.GetValue(role), given, ct);
                await output.WriteLineAsync(given is null
                    ? $"Account {r.GetValue(user)} ({r.GetValue(role)} of {r.GetValue(commission)}) created; its password: {made}"
                    : $"Account {r.GetValue(user)} ({r.GetValue(role)} of {r.GetValue(commission)}) created.");
                return AshyqCommand.Ok;
            }
            catch (AccountRefusedException e)
            {
                await error.WriteLineAsync(e.Message);
                return AshyqCommand.UserError;
            }
        }));
        var accounts = new Command("accounts", "Accounts of commission staff");
        accounts.Subcommands.Add(add);
        return accounts;
    }

    /// <summary>
    /// Creates the demo's accounts on the first precinct and its district commission, and says how to sign in.
    /// </summary>
    public static async Task SeedDemoAsync(Store store, TextWriter output, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var precinct = await db.Commissions.AsNoTracking().Where(c => c.ParentId != null && !db.Commissions.Any(x => x.ParentId == c.Id))
            .OrderBy(c => c.Id).Select(c => new { c.Code, Superior = c.Parent!.Code }).FirstAsync(ct);
        (string User, string Commission, AccountRole Role)[] accounts =
        [
            ("operator1", precinct.Code, AccountRole.Operator),
            ("operator2", precinct.Code, AccountRole.Operator),
            ("chair", precinct.Code, AccountRole.Chair),
            ("dec-member", precinct.Superior, AccountRole.Member),
            ("dec-chair", precinct.Superior, AccountRole.Chair),
        ];
        foreach (var (name, commission, role) in accounts)
        {
            await AccountsAdmin.CreateAsync(store, name, commission, role, DemoPassword, ct);
        }

        await output.WriteLineAsync($"Demo accounts (password {DemoPassword}): operator1, operator2 and chair of {precinct.Code}; dec-member and dec-chair of {precinct.Superior}.");
    }
}
