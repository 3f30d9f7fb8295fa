using System.Diagnostics;
using System.Globalization;
using Ashyq.Application.Pipeline;
using Ashyq.Application.Results;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Generation;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Demo;

/// <summary>What a simulated election night did.</summary>
public sealed record NightReport(
    int Precincts,
    int Accepted,
    int SlipsCaughtByRelations,
    int SlipsCaughtBySecondEntry,
    int WarningsAcknowledged,
    TimeSpan Elapsed,
    ElectionOutcome Outcome,
    bool TotalsEqualRecount,
    int ProtocolsAdopted);

/// <summary>
/// Plays election night in the store: every precinct's count is drawn, typed twice by two operators of the
/// precinct (some slips caught by the control relations, some by the second entry and settled by the chair),
/// its warnings acknowledged, signed by the members, submitted and accepted by the district commission — each
/// step an action taken through the application's pipeline (<see cref="Actions"/>) by the member of staff who would take it,
/// as the web and the API take them. Then, if asked, level by level upwards, each
/// commission whose precincts are all in adopts its results protocol at a session the day after, every voting
/// member present and voting for.
/// </summary>
public sealed class ElectionNight(AshyqDbContext db, ElectionDefinition definition, TimeProvider time)
{
    public async Task<NightReport> PlayAsync(long seed, double slips, int? limit, Action<WriteProgress>? progress, CancellationToken ct, bool adoptProtocols = false)
    {
        var started = Stopwatch.GetTimestamp();
        var results = new ResultsService(db, definition, time);
        var actions = new Actions(db, time);
        var draw = new ElectionNightDraw(definition, seed);
        var form = definition.ProtocolForm;
        Dictionary<string, long> Lines(long[] values) => form.Lines.ToDictionary(l => l.Code, l => values[l.Index]);
        var level = definition.PrecinctLevel.Code;
        var precincts = await db.Commissions.AsNoTracking().Where(c => c.Level == level).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, Parent = c.Parent!.Code })
            .ToListAsync(ct);
        var onLists = await db.Voters.GroupBy(v => v.PrecinctId).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var members = (await db.Members.AsNoTracking().Select(m => new { m.CommissionId, m.Id }).ToListAsync(ct))
            .ToLookup(m => m.CommissionId, m => m.Id.ToString(CultureInfo.InvariantCulture));
        var total = limit is { } l ? Math.Min(l, precincts.Count) : precincts.Count;
        int accepted = 0, byRelations = 0, bySecondEntry = 0, acknowledged = 0;

        foreach (var p in precincts.Take(total))
        {
            ct.ThrowIfCancellationRequested();
            var current = await results.CurrentAsync(p.Code, ct);
            if (current.State == ProtocolState.Accepted)
            {
                continue;
            }

            var onList = onLists.GetValueOrDefault(p.Id);
            var count = draw.Count(onList > 0 ? onList : draw.ListSize());
            var first = new Caller($"operator-1@{p.Code}", p.Code, AccountRole.Operator);
            var second = new Caller($"operator-2@{p.Code}", p.Code, AccountRole.Operator);
            var chair = new Caller($"chair@{p.Code}", p.Code, AccountRole.Chair);

            // First entry; a slip the control relations catch is corrected before the entry is finished.
            var firstTyped = draw.Chance(slips) ? draw.Slip(count) : count;
            var draft = await actions.RunAsync(new EnterProtocol(p.Code, Lines(firstTyped), Finish: false), first, ct);
            if (draft.Broken.Any(r => r.Severity == RelationSeverity.Error))
            {
                byRelations++;
                firstTyped = count;
            }

            await actions.RunAsync(new EnterProtocol(p.Code, Lines(firstTyped), Finish: true), first, ct);

            // Second entry; where the two differ, the chair compares them with the paper and keeps the right one.
            var secondTyped = draw.Chance(slips) ? draw.Slip(count) : count;
            await actions.RunAsync(new EnterProtocol(p.Code, Lines(secondTyped), Finish: true), second, ct);
            var definitive = firstTyped;
            if (!secondTyped.AsSpan().SequenceEqual(firstTyped))
            {
                definitive = count;
                bySecondEntry++;
                var resolution = firstTyped.AsSpan().SequenceEqual(count) ? Resolution.KeepFirst
                    : secondTyped.AsSpan().SequenceEqual(count) ? Resolution.KeepSecond
                    : Resolution.ReturnFirst;
                await actions.RunAsync(new ResolveEntries(p.Code, resolution), chair, ct);
                if (resolution == Resolution.ReturnFirst)
                {
                    // Neither matches the paper: the first operator retypes it, and the chair keeps the retyped entry.
                    await actions.RunAsync(new EnterProtocol(p.Code, Lines(count), Finish: true), first, ct);
                    await actions.RunAsync(new ResolveEntries(p.Code, Resolution.KeepSecond), chair, ct);
                }
            }

            foreach (var warning in form.Broken(definitive).Where(r => r.Severity == RelationSeverity.Warning))
            {
                await actions.RunAsync(new AcknowledgeWarning(p.Code, warning.Code, "Checked against the paper protocol in front of observers"), chair, ct);
                acknowledged++;
            }

            await actions.RunAsync(new SignProtocol(p.Code, [.. members[p.Id]], null), chair, ct);
            await actions.RunAsync(new SubmitProtocol(p.Code), chair, ct);
            await actions.RunAsync(new AcceptProtocol(p.Code), new Caller($"duty@{p.Parent}", p.Parent, AccountRole.Member), ct);
            accepted++;
            if (accepted % 100 == 0)
            {
                progress?.Invoke(new WriteProgress("precincts", accepted, total));
            }
        }

        progress?.Invoke(new WriteProgress("precincts", accepted, total));
        var adopted = adoptProtocols ? await AdoptProtocolsAsync(results, actions, ct) : 0;
        var top = definition.TopLevel.CodeOf(1);
        var tally = await results.TallyAsync(top, ct);
        var totals = definition.ProtocolForm.Lines.Select(l => tally.Totals[l.Code]).ToArray();
        var recount = await results.RecountAsync(top, ct);
        var outcome = WinnerRule.Determine(definition, totals, tally.IsComplete);
        return new NightReport(total, accepted, byRelations, bySecondEntry, acknowledged, Stopwatch.GetElapsedTime(started), outcome, recount.AsSpan().SequenceEqual(totals), adopted);
    }

    private async Task<int> AdoptProtocolsAsync(ResultsService results, Actions actions, CancellationToken ct)
    {
        var sessions = new SessionsService(db, definition, time);
        var day = definition.Calendar.VotingDay.AddDays(1);
        var adopted = 0;
        foreach (var level in definition.Levels.Reverse().Skip(1))
        {
            var commissions = await db.Commissions.AsNoTracking().Where(c => c.Level == level.Code).OrderBy(c => c.Id).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
            foreach (var c in commissions)
            {
                if (!(await results.TallyAsync(c.Code, ct)).IsComplete || (await results.AdoptionAsync(c.Code, ct)).AsNow)
                {
                    continue;
                }

                var voting = await db.Members.AsNoTracking().Where(m => m.CommissionId == c.Id && m.IsVoting).OrderBy(m => m.Id)
                    .Select(m => m.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync(ct);
                var secretary = new Caller($"secretary@{c.Code}", c.Code, AccountRole.Secretary);
                var number = "R-" + ((await sessions.DecisionsAsync(c.Code, ct)).Count + 1).ToString(CultureInfo.InvariantCulture);
                try
                {
                    var session = await sessions.OpenAsync(c.Code, day, ["The results protocol"], voting, [], [], secretary.Actor, ct);
                    var decision = await actions.RunAsync(new AdoptResultsProtocol(session, number, voting.ToDictionary(m => m, _ => VoteChoice.For), []), secretary, ct);
                    adopted += decision.Adopted ? 1 : 0;
                }
                catch (RuleViolation)
                {
                    // A commission below has not adopted (a limited night): this one waits, as it would in law.
                }
            }
        }

        return adopted;
    }
}
