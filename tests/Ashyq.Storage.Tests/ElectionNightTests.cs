using Ashyq.Core.Results;
using Ashyq.Demo;
using Ashyq.Tests;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Tests;

public class ElectionNightTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task ElectionNight_AcceptsEveryPlayedPrecinctThroughDoubleEntry_AndTheTotalsEqualARecount(string kind)
    {
        var store = await TestStores.WithWorldAsync(kind, 0.002, 9, Ct);
        await using var db = await store.OpenAsync(Ct);

        var report = await new ElectionNight(db, Repo.Kz, TimeProvider.System).PlayAsync(seed: 4, slips: 0.3, limit: 60, progress: null, Ct);

        Assert.Equal(60, report.Accepted);
        Assert.True(report.TotalsEqualRecount);
        Assert.True(report.SlipsCaughtByRelations + report.SlipsCaughtBySecondEntry > 0, "with 30% slips some must be caught");
        Assert.Equal(OutcomeKind.Incomplete, report.Outcome.Kind);
        var results = new ResultsService(db, Repo.Kz, TimeProvider.System);
        foreach (var code in await db.Commissions.Where(c => c.Level == "PEC").OrderBy(c => c.Id).Take(60).Select(c => c.Code).ToListAsync(Ct))
        {
            var version = (await results.VersionsAsync(code, Ct)).Single();
            Assert.Equal(ProtocolState.Accepted, version.State);
            Assert.Empty(version.Errors());
            Assert.NotEqual(version.First!.Operator.User, version.Second!.Operator.User);
            Assert.Contains(version.Events, e => e.Kind == "signed");
            Assert.All(version.Warnings(), w => Assert.Contains(version.Acknowledgements, a => a.RelationCode == w.Code));
            var recorded = await db.ProtocolViolations.Where(v => v.VersionId == db.ProtocolVersions.Single(p => p.PrecinctId == db.Commissions.Single(c => c.Code == code).Id).Id)
                .Select(v => v.RelationCode).ToListAsync(Ct);
            Assert.Equal(version.Warnings().Select(w => w.Code).Order(), recorded.Order());
        }
    }

    [Theory]
    [MemberData(nameof(TestStores.Both), MemberType = typeof(TestStores))]
    public async Task AfterTheNight_EachCompleteDistrictAdoptsItsProtocolByDecision_AndNoOtherDoes(string kind)
    {
        var store = await TestStores.WithWorldAsync(kind, 0.002, 9, Ct);
        await using var db = await store.OpenAsync(Ct);
        var precincts = await db.Commissions.AsNoTracking().Where(c => c.Level == "PEC").OrderBy(c => c.Id).Select(c => c.Parent!.Code).ToListAsync(Ct);
        var played = precincts.LastIndexOf(precincts[0]) + 1; // up to the last precinct of the first district
        var complete = precincts.Take(played).Distinct().Where(d => precincts.Take(played).Count(p => p == d) == precincts.Count(p => p == d)).ToList();

        var report = await new ElectionNight(db, Repo.Kz, TimeProvider.System).PlayAsync(seed: 4, slips: 0.1, limit: played, progress: null, Ct, adoptProtocols: true);

        Assert.Contains(precincts[0], complete);
        Assert.Equal(complete.Count, report.ProtocolsAdopted);
        var results = new ResultsService(db, Repo.Kz, TimeProvider.System);
        foreach (var district in precincts.Distinct().Take(complete.Count + 2))
        {
            var (decision, asNow) = await results.AdoptionAsync(district, Ct);
            Assert.Equal(complete.Contains(district), decision is not null && asNow);
        }

        var decisions = await db.Decisions.CountAsync(d => d.Subject == ResultsProtocol.DecisionSubject, Ct);
        Assert.Equal(complete.Count, decisions);
        Assert.Equal(complete.Count, await db.LogEntries.CountAsync(e => e.Kind == "decision", Ct));
    }
}
