using Ashyq.Core.Complaints;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace Ashyq.Storage.Complaints;

/// <summary>
/// The complaints of the demo world, mirroring what the mission recorded in 2011 (seed §5, fn 16–20), entered
/// through the same service as real ones so that the statistics page shows how that record looks when counted:
/// 12 complaints to the CEC before election day, none decided by a vote, each answered by a letter of the Secretary
/// (not a decision, not published); 15 complaints to district courts and 5 to the Supreme Court, all rejected or
/// not considered — among them the Almaty complaints against a maslikhat's decision on precinct commissions left
/// unconsidered under the 10-day rule where the Civil Procedure Code's 3 months applied (fn 19), and the complaint
/// the Supreme Court refused to consider citing the CEC's exclusive competence (fn 20).
/// </summary>
public static class ComplaintsDemo
{
    public const int CecComplaints = 12;
    public const int DistrictCourtComplaints = 15;
    public const int SupremeCourtComplaints = 5;
    public const int AlmatyWrongDeadlineCases = 4;

    private static readonly Actor Clerk = new("demo-clerk", "CEC");

    private static readonly string[] Courts =
    [
        "Almalinsky District Court of Almaty", "Bostandyk District Court of Almaty", "Medeu District Court of Almaty", "Auezov District Court of Almaty",
        "Yesil District Court of Astana", "Saryarka District Court of Astana", "Specialized District Court of Karaganda", "District Court No. 2 of Shymkent",
    ];

    /// <summary>Seeds the demo complaints once (nothing if the store already has complaints or no routing table); returns how many cases.</summary>
    public static async Task<int> SeedAsync(AshyqDbContext db, ElectionDefinition definition, TimeProvider time, CancellationToken ct = default)
    {
        if (definition.Complaints.Routes.Count == 0 || await db.ComplaintCases.AnyAsync(ct))
        {
            return 0;
        }

        var service = new ComplaintsService(db, definition, time);
        var top = definition.TopLevel.Code;
        var topCode = await db.Commissions.AsNoTracking().Where(c => c.Level == top).Select(c => c.Code).FirstAsync(ct);
        var tecs = await db.Commissions.AsNoTracking().Where(c => c.Level == definition.Levels[1].Code).OrderBy(c => c.Id).Select(c => c.Code).ToListAsync(ct);
        var decs = await db.Commissions.AsNoTracking().Where(c => c.Level == definition.Levels[2].Code).OrderBy(c => c.Id).Select(c => c.Code).ToListAsync(ct);
        var secretary = await db.Members.AsNoTracking().Where(m => db.Commissions.Any(c => c.Id == m.CommissionId && c.Code == topCode) && m.Role == "Secretary")
            .Select(m => m.FullName).FirstOrDefaultAsync(ct) ?? "CEC Secretary";
        var cec = await service.CommissionBodyAsync(topCode, ct);
        var voting = definition.Calendar.VotingDay;
        var count = 0;

        // 12 complaints to the CEC before election day: against territorial commissions' actions and other violations.
        string[] cecFacts =
        [
            "The territorial commission refused to let the party's observer attend its session.",
            "Campaign materials of a candidate were removed from public boards by local officials.",
            "The territorial commission did not answer a request for copies of its decisions.",
            "State employees were required to attend a campaign event of the incumbent.",
            "The territorial commission verified support signatures without inviting the candidate's proxies.",
            "A local newspaper refused to publish a candidate's free campaign article.",
            "The territorial commission's session was held without notice to its members nominated by the opposition.",
            "Voters' lists were not available for public inspection at the precinct on the announced days.",
            "The territorial commission registered proxies of one candidate only.",
            "The incumbent's campaign used state premises on terms not offered to other candidates.",
            "The territorial commission refused to give reasons for invalidating signatures.",
            "The incumbent abused his office in the campaign; the complainant asks that his registration be cancelled.",
        ];
        for (var i = 0; i < CecComplaints; i++)
        {
            var received = voting.AddDays(-40 + (3 * i));
            var againstTec = i % 3 != 1;
            var subject = againstTec
                ? new ComplaintSubject("commission-action", tecs[i % tecs.Count], null, received.AddDays(-3))
                : new ComplaintSubject("other-violation", null, null, received.AddDays(-5));
            var complainant = i % 2 == 0
                ? new Complainant(ComplainantKind.Party, i % 4 == 0 ? "Azat" : "Communist Party of Kazakhstan", "office@example.kz")
                : new Complainant(ComplainantKind.Voter, $"Voter {i + 1}", null);
            var receipt = await service.FileAsync(new ComplaintDraft(complainant, subject, cecFacts[i], []), FilingChannel.Paper, cec, received, Clerk.User, ct);
            await service.AnswerAsync(receipt.Number, new OfficialAnswer(secretary, "Secretary of the CEC", received.AddDays(4 + (i % 5)), "The complaint has been reviewed; no violation was found."), new Actor(Clerk.User, topCode), ct);
            count++;
        }

        // 15 complaints to district courts, all rejected or not considered; the Almaty ones under the wrong deadline (fn 19).
        for (var i = 0; i < DistrictCourtComplaints; i++)
        {
            var court = ComplaintBody.DistrictCourt(Courts[i % Courts.Length]);
            var received = voting.AddDays(-35 + (2 * i));
            ComplaintSubject subject;
            CourtDecision decision;
            if (i < AlmatyWrongDeadlineCases)
            {
                subject = new ComplaintSubject("official-decision", null, "Almaty city maslikhat: decision on the composition of precinct election commissions", received.AddDays(-20 - i));
                court = ComplaintBody.DistrictCourt(Courts[i]);
                decision = new CourtDecision(court, received.AddDays(3), ComplaintOutcome.NotConsidered, "Filed after the 10-day time limit for complaints against election commissions.", LateRuleCited: "FILE.ELECTION-LAW-10-DAYS");
            }
            else if (i % 3 == 0)
            {
                subject = new ComplaintSubject("commission-decision", decs[i % decs.Count], null, received.AddDays(-4));
                decision = new CourtDecision(court, received.AddDays(4 + (i % 4)), ComplaintOutcome.Rejected, "The commission acted within its powers.");
            }
            else if (i % 3 == 1)
            {
                subject = new ComplaintSubject("commission-inaction", tecs[i % tecs.Count], null, received.AddDays(-6));
                decision = new CourtDecision(court, received.AddDays(3 + (i % 5)), ComplaintOutcome.Rejected, "No duty of the commission was left undone.");
            }
            else
            {
                subject = new ComplaintSubject("other-violation", null, null, received.AddDays(-2));
                decision = new CourtDecision(court, received.AddDays(5), ComplaintOutcome.NotConsidered, "The court found the complaint outside its jurisdiction.", CompetenceDeclined: true);
            }

            var complainant = i % 2 == 0 ? new Complainant(ComplainantKind.Observer, $"Observer {i + 1}", null) : new Complainant(ComplainantKind.Organization, "Kazakhstan International Bureau for Human Rights", null);
            var receipt = await service.FileAsync(new ComplaintDraft(complainant, subject, "Complaint to a district court before election day.", []), FilingChannel.Paper, court, received, Clerk.User, ct);
            await service.RecordCourtDecisionAsync(receipt.Number, decision with { Court = court }, Clerk, ct);
            count++;
        }

        // 5 complaints to the Supreme Court (fn 16): CEC registration decisions, all rejected or not considered.
        for (var i = 0; i < SupremeCourtComplaints; i++)
        {
            var received = voting.AddDays(-30 + (4 * i));
            var subject = new ComplaintSubject("SC.CEC-CANDIDATE-REGISTRATION", topCode, null, received.AddDays(-3));
            var exclusive = i == SupremeCourtComplaints - 1;
            var facts = exclusive
                ? "The incumbent abused his office in the campaign; the CEC refused to consider the complaint. The complainant asks the Court to cancel his registration."
                : "The CEC refused to register the nominee on the state-language test; the criteria of the test were not published.";
            var decision = exclusive
                ? new CourtDecision(ComplaintBody.SupremeCourt, received.AddDays(2), ComplaintOutcome.NotConsidered, "Only the CEC finds violations of the election law and cancels a candidate's registration.", CompetenceDeclined: true)
                : new CourtDecision(ComplaintBody.SupremeCourt, received.AddDays(3 + i), ComplaintOutcome.Rejected, "The CEC's decision is lawful.");
            var complainant = new Complainant(exclusive ? ComplainantKind.Voter : ComplainantKind.Candidate, exclusive ? "Voter (fn 20)" : $"Nominee {i + 1}", null);
            var receipt = await service.FileAsync(new ComplaintDraft(complainant, subject, facts, []), FilingChannel.Paper, ComplaintBody.SupremeCourt, received, Clerk.User, ct);
            await service.RecordCourtDecisionAsync(receipt.Number, decision, Clerk, ct);
            count++;
        }

        return count;
    }
}
