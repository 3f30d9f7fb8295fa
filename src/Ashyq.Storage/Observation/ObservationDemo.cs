using System.Globalization;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Observation;
using Ashyq.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Observation;

/// <summary>
/// The demo's observation mission: the central commission accredits it by a decision (voted at a session like any
/// other), its observers are registered on that decision, its teams deployed, and the forms they filled (generated
/// by <see cref="MissionSimulator"/> from the forms file's <c>demoMission</c>) stored as any submission would be.
/// </summary>
public static class ObservationDemo
{
    public const string Organization = "IEOM-2011";
    public const string AccreditationNumber = "ACC-IEOM-2011";

    /// <summary>Seeds the mission once; returns null if the store already has observers or no election.</summary>
    public static async Task<MissionSummary?> SeedAsync(AshyqDbContext db, ElectionDefinition definition, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        if (await db.Set<ObserverOrganizationRow>().AnyAsync(ct) || !await db.Commissions.AnyAsync(ct))
        {
            return null;
        }

        var forms = ObservationFormsLoader.Default;
        var profile = forms.DemoMission ?? throw new InvalidOperationException("The shipped forms describe no demo mission.");
        var central = await db.Commissions.AsNoTracking().Where(c => c.ParentId == null).Select(c => new { c.Id, c.Code }).FirstAsync(ct);

        // The accreditation decision of the central commission, at a session of all its members, on the day the mission opened.
        var cec = new Actor("demo", central.Code);
        var sessions = new SessionsService(db, definition, time);
        var members = await db.Members.AsNoTracking().Where(m => m.CommissionId == central.Id).OrderBy(m => m.Id).Select(m => new { m.Id, m.IsVoting }).ToListAsync(ct);
        var present = members.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var session = await sessions.OpenAsync(central.Code, definition.Calendar.VotingDay.AddDays(-33), ["Accreditation of international observers"], present, [], [], cec, ct);
        await sessions.VoteAsync(
            session,
            AccreditationNumber,
            "On the accreditation of international observers",
            $"The observers of the {profile.Name.En} ({profile.ShortTermObservers} short-term, {profile.LongTermObservers} long-term) are accredited for the election {definition.Id}.",
            members.Where(m => m.IsVoting).ToDictionary(m => m.Id.ToString(CultureInfo.InvariantCulture), _ => VoteChoice.For),
            [],
            cec,
            ct);

        var service = new ObservationService(db, forms, time);
        var units = await db.Commissions.AsNoTracking().Where(c => c.ParentId != null).Select(c => new { c.Code, c.Level, Parent = c.Parent!.Code }).ToListAsync(ct);
        var regions = await service.UnitsAsync(ct);
        var unitLevel = forms.Form(FormKind.Voting)!.Unit;
        var districtLevel = forms.Form(FormKind.Tabulation)!.Unit;
        var stations = units.Where(u => u.Level == unitLevel).Select(u => new ObservableUnit(u.Code, regions[u.Code].Region!, u.Parent)).ToList();
        var districts = units.Where(u => u.Level == districtLevel).Select(u => new ObservableUnit(u.Code, regions[u.Code].Region!, u.Parent)).ToList();

        var zone = TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone);
        DateTimeOffset Local(TimeOnly t)
        {
            var local = definition.Calendar.VotingDay.ToDateTime(t);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        var mission = MissionSimulator.Generate(forms, stations, districts, new AccreditationDecision(central.Code, AccreditationNumber), Local(definition.Calendar.PollsOpen), Local(definition.Calendar.PollsClose));

        await service.AddOrganizationAsync(Organization, mission.Organization, ObserverOrganizationKind.InternationalMission, profile.Experts, ct);
        var ids = await service.RegisterObserversAsync(Organization, mission.Observers, ct);
        foreach (var team in mission.Teams)
        {
            await service.AddTeamAsync(team.Code, Organization, team.Term, team.Region, [.. team.Members.Select(m => ids[m])], team.Stations, ct);
        }

        var results = await service.SubmitManyAsync(mission.Submissions, "demo", "demo", ct);
        var refused = results.FirstOrDefault(r => r.Outcome == SubmitOutcome.Refused);
        if (refused is not null)
        {
            throw new InvalidOperationException($"The demo mission's submission {refused.Id} is refused: {string.Join("; ", refused.Errors)}");
        }

        return await service.SummaryAsync(ct);
    }
}
