using System.Globalization;
using Ashyq.Application.Pipeline;
using Ashyq.Application.Results;
using Ashyq.Core.Commissions;
using Ashyq.Core.Generation;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ashyq.Application.Tests;

/// <summary>A real SQLite store holding the Kazakh hierarchy (generated once for the class), with the application composed over it.</summary>
public sealed class HierarchyStore : IAsyncLifetime
{
    public const string Precinct = "PEC-0001";

    public ServiceProvider Services { get; private set; } = null!;

    public string Superior { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("ashyq-application-");
        var store = Store.Parse(Path.Combine(folder.FullName, "ashyq.db"));
        await using (var db = await store.OpenAsync())
        {
            await new WorldWriter(db, TimeProvider.System).GenerateAsync(Repo.Kz, Repo.KzText, 0, 20110403);
            Superior = await db.Commissions.Where(c => c.Code == Precinct).Select(c => c.Parent!.Code).FirstAsync();
        }

        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(store);
        services.AddScoped(sp => sp.GetRequiredService<Store>().CreateContext());
        services.AddAshyqApplication();
        Services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}

/// <summary>The one door: what it lets through, what it refuses, what it leaves behind.</summary>
public sealed class PipelineTests(HierarchyStore world) : IClassFixture<HierarchyStore>
{
    private const string Precinct = HierarchyStore.Precinct;
    private readonly ServiceProvider _services = world.Services;
    private readonly string _superior = world.Superior;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> RunAsync<T>(IAction<T> action, Caller caller)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Actions>().RunAsync(action, caller, Ct);
    }

    private async Task<T> ReadAsync<T>(Func<AshyqDbContext, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AshyqDbContext>());
    }

    private static Dictionary<string, long> Lines(long[] values) => Repo.Kz.ProtocolForm.Lines.ToDictionary(l => l.Code, l => values[l.Index]);

    [Fact]
    public async Task A_protocol_goes_from_two_entries_to_acceptance_through_the_door_and_its_totals_move_once()
    {
        var count = new ElectionNightDraw(Repo.Kz, 7).Count(1200);
        var log = await ReadAsync(db => db.LogEntries.CountAsync(Ct));

        await RunAsync(new EnterProtocol(Precinct, Lines(count), Finish: true), new Caller("op1", Precinct, AccountRole.Operator));
        await RunAsync(new EnterProtocol(Precinct, Lines(count), Finish: true), new Caller("op2", Precinct, AccountRole.Operator));
        var chair = new Caller("chair", Precinct, AccountRole.Chair);
        foreach (var warning in Repo.Kz.ProtocolForm.Broken(count).Where(r => r.Severity == RelationSeverity.Warning))
        {
            await RunAsync(new AcknowledgeWarning(Precinct, warning.Code, "checked against the paper"), chair);
        }

        var members = await ReadAsync(db => db.Members.Where(m => db.Commissions.Any(c => c.Id == m.CommissionId && c.Code == Precinct))
            .Select(m => m.Id).ToListAsync(Ct));
        await RunAsync(new SignProtocol(Precinct, [.. members.Select(m => m.ToString(CultureInfo.InvariantCulture))], null), chair);
        await RunAsync(new SubmitProtocol(Precinct), chair);
        var accepted = await RunAsync(new AcceptProtocol(Precinct), new Caller("dec", _superior, AccountRole.Member));

        Assert.Equal(ProtocolState.Accepted, accepted.State);
        var tally = await ReadAsync(db => new ResultsService(db, Repo.Kz, TimeProvider.System).TallyAsync(_superior, Ct));
        Assert.Equal(1, tally.Accepted);
        Assert.All(Repo.Kz.ProtocolForm.Lines, l => Assert.Equal(count[l.Index], tally.Totals[l.Code]));
        Assert.Equal(log + 1, await ReadAsync(db => db.LogEntries.CountAsync(Ct)));
        var events = await ReadAsync(db => db.AuditEvents.Where(e => e.Subject.StartsWith(Precinct + "/")).Select(e => e.Action).ToListAsync(Ct));
        Assert.Contains(events, a => a.Contains("accept", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_denied_attempt_is_refused_before_anything_is_written_and_is_audited()
    {
        var before = await ReadAsync(db => db.ProtocolVersions.CountAsync(Ct));
        var stranger = new Caller("op-elsewhere", "PEC-0002", AccountRole.Operator);

        var denied = await Assert.ThrowsAsync<AccessDenied>(() => RunAsync(new EnterProtocol(Precinct, Lines(new long[Repo.Kz.ProtocolForm.Lines.Count]), false), stranger));

        Assert.Equal("AUTH.FORBIDDEN", denied.Code);
        Assert.Equal(before, await ReadAsync(db => db.ProtocolVersions.CountAsync(Ct)));
        var audited = await ReadAsync(db => db.AuditEvents.Where(e => e.User == "op-elsewhere").ToListAsync(Ct));
        var only = Assert.Single(audited);
        Assert.Equal("access.denied", only.Action);
        Assert.Contains(Precinct, only.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_inside_the_action_undoes_its_work_and_leaves_only_the_refusal_in_the_audit()
    {
        const string precinct = "PEC-0003";
        var before = await ReadAsync(db => db.ProtocolVersions.CountAsync(Ct));

        // A member of the precinct's own commission who is not one of its members cannot sign: the action reads the store.
        var outsider = await ReadAsync(db => db.Members.Where(m => db.Commissions.Any(c => c.Id == m.CommissionId && c.Code == "PEC-0004")).Select(m => m.Id).FirstAsync(Ct));
        var refused = await Assert.ThrowsAsync<RuleViolation>(() =>
            RunAsync(new SignProtocol(precinct, [outsider.ToString(CultureInfo.InvariantCulture)], null), new Caller("chair3", precinct, AccountRole.Chair)));
        Assert.Equal("SIGN.NOT-A-MEMBER", refused.Code);

        // A step the protocol's state does not allow: the version the step would have made is not stored.
        var wrong = await Assert.ThrowsAnyAsync<RuleViolation>(() => RunAsync(new SubmitProtocol(precinct), new Caller("chair3", precinct, AccountRole.Chair)));
        Assert.NotEqual("AUTH.FORBIDDEN", wrong.Code);

        Assert.Equal(before, await ReadAsync(db => db.ProtocolVersions.CountAsync(Ct)));
        var audited = await ReadAsync(db => db.AuditEvents.Where(e => e.User == "chair3").Select(e => new { e.Action, e.Detail }).ToListAsync(Ct));
        Assert.Equal(2, audited.Count);
        Assert.All(audited, e => Assert.Equal("action.refused", e.Action));
        Assert.Contains(audited, e => e.Detail!.StartsWith("SIGN.NOT-A-MEMBER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_precinct_or_a_commission_above_the_precincts_is_named_in_the_refusal()
    {
        var unknown = await Assert.ThrowsAsync<UnknownCommission>(() => RunAsync(new SubmitProtocol("PEC-9999999"), new Caller("c", "PEC-9999999", AccountRole.Chair)));
        Assert.Equal("RESULTS.UNKNOWN-PRECINCT", unknown.Code);
        Assert.Contains("PEC-9999999", unknown.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UnknownCommission>(() => RunAsync(new SubmitProtocol(_superior), new Caller("c", _superior, AccountRole.Chair)));
    }
}
