using System.Diagnostics;
using System.Globalization;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Generation;
using Ashyq.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Simulation;

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
/// step through <see cref="ResultsService"/>, the code the web and the API use. Then, if asked, level by level upwards, each
/// commission whose precincts are all in adopts its results protocol at a session the day after, every voting
/// member present and voting for.
/// </summary>
public sealed class ElectionNight(AshyqDbContext db, ElectionDefinition definition, TimeProvider time)
{
    public async Task<NightReport> PlayAsync(long seed, double slips, int? limit, Action<WriteProgress>? progress, CancellationToken ct, bool adoptProtocols = false)
    {
        var started = Stopwatch.GetTimestamp();
        var results = new ResultsService(db, definition, time);
        var draw = new ElectionNightDraw(definition, seed);
        var signing = SigningRule.For(definition);
        var level = definition.PrecinctLevel.Code;
        var precincts = await db.Commissions.AsNoTracking().Where(c => c.Level == level).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, Parent = c.Parent!.Code })
            .ToListAsync(ct);
        var onLists = await db.Voters.GroupBy(v => v.PrecinctId).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var members = (await db.Members.AsNoTracking().Select(m => new { m.CommissionId, m.Id, m.Role, m.IsVoting }).ToListAsync(ct))
            .ToLookup(m => m.CommissionId, m => new SigningMember(m.Id.ToString(CultureInfo.InvariantCulture), Enum.Parse<MemberRole>(m.Role), m.IsVoting));
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
            var first = new Actor($"operator-1@{p.Code}", p.Code);
            var second = new Actor($"operator-2@{p.Code}", p.Code);
            var chair = new Actor($"chair@{p.Code}", p.Code);

            // First entry; a slip the control relations catch is corrected before the entry is finished.
            var firstTyped = draw.Chance(slips) ? draw.Slip(count) : count;
            var broken = await results.ActAsync(p.Code, (v, t) => { v.StartFirstEntry(first, t); return v.EnterFirst(first, firstTyped, finish: false, t); }, ct);
            if (broken.Any(r => r.Severity == RelationSeverity.Error))
            {
                byRelations++;
                firstTyped = count;
            }

            await results.ActAsync(p.Code, (v, t) => v.EnterFirst(first, firstTyped, finish: true, t), ct);

            // Second entry; where the two differ, the chair compares them with the paper and keeps the right one.
            var secondTyped = draw.Chance(slips) ? draw.Slip(count) : count;
            await results.ActAsync(p.Code, (v, t) => { v.StartSecondEntry(second, t); return v.EnterSecond(second, secondTyped, finish: true, t); }, ct);
            if (!secondTyped.AsSpan().SequenceEqual(firstTyped))
            {
                bySecondEntry++;
                var resolution = firstTyped.AsSpan().SequenceEqual(count) ? Resolution.KeepFirst
                    : secondTyped.AsSpan().SequenceEqual(count) ? Resolution.KeepSecond
                    : Resolution.ReturnFirst;
                await results.ActAsync(p.Code, (v, t) =>
                {
                    v.Resolve(chair, resolution, t);
                    if (resolution == Resolution.ReturnFirst)
                    {
                        // Neither matches the paper: the first operator retypes it, and the chair keeps the retyped entry.
                        v.EnterSecond(first, count, finish: true, t);
                        v.Resolve(chair, Resolution.KeepSecond, t);
                    }

                    return 0;
                }, ct);
            }

            await results.ActAsync(p.Code, (v, t) =>
            {
                foreach (var warning in v.Warnings())
                {
                    v.Acknowledge(warning.Code, "Checked against the paper protocol in front of observers", chair, t);
                    acknowledged++;
                }

                v.Sign(signing, [.. members[p.Id]], null, chair, t);
                v.Submit(chair, t);
                return 0;
            }, ct);
            await results.ActAsync(p.Code, (v, t) => { v.Accept(new Actor($"duty@{p.Parent}", p.Parent), t); return 0; }, ct);
            accepted++;
            if (accepted % 100 == 0)
            {
                progress?.Invoke(new WriteProgress("precincts", accepted, total));
            }
        }

        progress?.Invoke(new WriteProgress("precincts", accepted, total));
        var adopted = adoptProtocols ? await AdoptProtocolsAsync(results, ct) : 0;
        var top = definition.TopLevel.CodeOf(1);
        var tally = await results.TallyAsync(top, ct);
        var totals = definition.ProtocolForm.Lines.Select(l => tally.Totals[l.Code]).ToArray();
        var recount = await results.RecountAsync(top, ct);
        var outcome = WinnerRule.Determine(definition, totals, tally.IsComplete);
        return new NightReport(total, accepted, byRelations, bySecondEntry, acknowledged, Stopwatch.GetElapsedTime(started), outcome, recount.AsSpan().SequenceEqual(totals), adopted);
    }

    private async Task<int> AdoptProtocolsAsync(ResultsService results, CancellationToken ct)
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
                var secretary = new Actor($"secretary@{c.Code}", c.Code);
                var number = "R-" + ((await sessions.DecisionsAsync(c.Code, ct)).Count + 1).ToString(CultureInfo.InvariantCulture);
                try
                {
                    var session = await sessions.OpenAsync(c.Code, day, ["The results protocol"], voting, [], [], secretary, ct);
                    var decision = await results.AdoptProtocolAsync(c.Code, session, number, voting.ToDictionary(m => m, _ => VoteChoice.For), [], secretary, ct);
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
