using System.Globalization;
using Ashyq.Core.Generation;

namespace Ashyq.Core.Observation;

/// <summary>A unit an observer can visit: its code, its region (the territorial commission) and its superior.</summary>
public sealed record ObservableUnit(string Code, string Region, string Parent);

/// <summary>A team as deployed: its observers, its term, its region, and the units it visits in order.</summary>
public sealed record DeployedTeam(string Code, ObserverTerm Term, string Region, IReadOnlyList<int> Members, IReadOnlyList<string> Stations);

/// <summary>A simulated mission: its observers (all accredited by one decision), teams, and the forms they filled.</summary>
public sealed record SimulatedMission(string Organization, IReadOnlyList<Observer> Observers, IReadOnlyList<DeployedTeam> Teams, IReadOnlyList<Submission> Submissions);

/// <summary>
/// Generates, from a <see cref="MissionProfile"/>, the forms a mission's observers would have filled: a seeded
/// sample of stations and districts, teams deployed by region, visits (some stations seen by two teams), and each
/// visit's answers under the forms' skip logic, so that the mission's statistics, computed from these forms by
/// <see cref="ObservationStatistics"/> like any others, come out as the profile says. The same inputs give the
/// same mission.
/// </summary>
public static class MissionSimulator
{
    public static SimulatedMission Generate(
        ObservationForms forms,
        IReadOnlyList<ObservableUnit> stations,
        IReadOnlyList<ObservableUnit> districts,
        AccreditationDecision accreditation,
        DateTimeOffset pollsOpen,
        DateTimeOffset pollsClose)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var profile = forms.DemoMission ?? throw new InvalidOperationException($"The forms {forms.Id} describe no demo mission.");
        var random = DeterministicRandom.For(profile.Seed, 11);
        var organization = profile.Name.En;

        // Observers: short-term then long-term, the countries in turn so that every one of them is represented.
        var observers = new List<Observer>();
        for (var i = 0; i < profile.ShortTermObservers + profile.LongTermObservers; i++)
        {
            var shortTerm = i < profile.ShortTermObservers;
            var country = profile.Countries[i % profile.Countries.Count];
            observers.Add(new Observer
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"{(shortTerm ? "STO" : "LTO")} {i + 1:D3} ({country})"),
                Organization = organization,
                OrganizationKind = ObserverOrganizationKind.InternationalMission,
                Term = shortTerm ? ObserverTerm.ShortTerm : ObserverTerm.LongTerm,
                Country = country,
                Accreditation = accreditation,
            });
        }

        // The voting sample, and short-term teams deployed by region in proportion to it.
        var voting = Sample(stations.OrderBy(s => s.Code, StringComparer.Ordinal).ToList(), profile.Observed.Of(FormKind.Voting), ref random);
        var regions = voting.GroupBy(s => s.Region).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var shortTeams = profile.ShortTermObservers / profile.TeamSize;
        var teamsPerRegion = regions.Count == 0 ? [] : Apportionment.Apportion(shortTeams, [.. regions.Select(g => (double)g.Count())], 1);
        var routes = new List<(string Team, string Region, List<string> Stations)>();
        for (var r = 0; r < regions.Count; r++)
        {
            var list = regions[r].ToList();
            var teams = (int)teamsPerRegion[r];
            for (var t = 0; t < teams; t++)
            {
                var from = list.Count * t / teams;
                var to = list.Count * (t + 1) / teams;
                routes.Add((string.Create(CultureInfo.InvariantCulture, $"STO-{routes.Count + 1:D3}"), regions[r].Key, list[from..to].Select(s => s.Code).ToList()));
            }
        }

        // Revisits: another team of the same region sees a station again, before its own last station.
        var revisits = (int)Math.Round((decimal)voting.Count * profile.Revisits.Numerator / profile.Revisits.Denominator, MidpointRounding.AwayFromZero);
        for (var k = 0; k < revisits && routes.Count > 1; k++)
        {
            var first = routes[random.Next(routes.Count)];
            var station = first.Stations[random.Next(first.Stations.Count)];
            var others = routes.Where(r => r.Region == first.Region && !r.Stations.Contains(station)).ToList();
            if (others.Count == 0)
            {
                k--;
                continue;
            }

            var second = others[random.Next(others.Count)];
            second.Stations.Insert(Math.Max(0, second.Stations.Count - 1), station);
        }

        var teamsOut = new List<DeployedTeam>();
        var member = 0;
        foreach (var (team, region, route) in routes)
        {
            teamsOut.Add(new DeployedTeam(team, ObserverTerm.ShortTerm, region, [.. Enumerable.Range(member, profile.TeamSize)], route));
            member += profile.TeamSize;
        }

        var regionNames = regions.Select(g => g.Key).ToList();
        for (var t = 0; t < profile.LongTermObservers / profile.TeamSize; t++)
        {
            var first = profile.ShortTermObservers + t * profile.TeamSize;
            teamsOut.Add(new DeployedTeam(string.Create(CultureInfo.InvariantCulture, $"LTO-{t + 1:D2}"), ObserverTerm.LongTerm,
                regionNames.Count == 0 ? "" : regionNames[t % regionNames.Count], [.. Enumerable.Range(first, profile.TeamSize)], []));
        }

        // Visits of each kind: unit → the visits in order, each with its team and time.
        var visits = new Dictionary<FormKind, List<Visit>>();
        visits[FormKind.Voting] = [.. routes.SelectMany(r => r.Stations.Select((s, i) => new Visit(r.Team, s, pollsOpen.AddMinutes(40 + 55 * i))))];

        var counters = Sample(routes.Where(r => r.Stations.Count > 0).ToList(), profile.Observed.Of(FormKind.Counting), ref random);
        visits[FormKind.Counting] = [.. counters.Select(r => new Visit(r.Team, r.Stations[^1], pollsClose.AddMinutes(90)))];

        var tabulated = Sample(districts.OrderBy(d => d.Code, StringComparer.Ordinal).ToList(), profile.Observed.Of(FormKind.Tabulation), ref random);
        var tabulation = new List<Visit>();
        foreach (var district in tabulated)
        {
            var local = routes.Where(r => r.Region == district.Region).Select(r => r.Team).ToList();
            tabulation.Add(new Visit(local.Count > 0 ? local[random.Next(local.Count)] : routes[random.Next(routes.Count)].Team, district.Code, pollsClose.AddHours(5)));
        }

        visits[FormKind.Tabulation] = tabulation;
        var precinctsOf = stations.GroupBy(s => s.Parent).ToDictionary(g => g.Key, g => g.Select(s => s.Code).OrderBy(c => c, StringComparer.Ordinal).ToList());

        var submissions = new List<Submission>();
        foreach (var (kind, list) in visits)
        {
            var form = forms.Form(kind);
            if (form is null || list.Count == 0)
            {
                continue;
            }

            submissions.AddRange(Fill(forms, form, profile, list, precinctsOf, ref random));
        }

        return new SimulatedMission(organization, observers, teamsOut, submissions);
    }

    private sealed record Visit(string Team, string Unit, DateTimeOffset At)
    {
        public Dictionary<string, string> Answers { get; } = [];
    }

    /// <summary>Answers every visit of one kind question by question, so that skip logic holds and each target is met in units.</summary>
    private static IEnumerable<Submission> Fill(ObservationForms forms, ObservationForm form, MissionProfile profile, List<Visit> visits, Dictionary<string, List<string>> precinctsOf, ref DeterministicRandom random)
    {
        var units = visits.GroupBy(v => v.Unit).ToDictionary(g => g.Key, g => g.ToList());
        var unitCodes = units.Keys.OrderBy(c => c, StringComparer.Ordinal).ToList();
        var negativeAnswers = forms.Assessment.Answers.Where(a => forms.Assessment.IsNegative(a.Code)).Select(a => a.Code).ToList();
        var positiveAnswers = forms.Assessment.Answers.Where(a => !forms.Assessment.IsNegative(a.Code)).Select(a => a.Code).ToList();
        foreach (var question in form.Questions)
        {
            HashSet<string> chosen = [];
            if (question.Type == AnswerType.Assessment || question.Type == AnswerType.Incident)
            {
                var target = question.Type == AnswerType.Assessment
                    ? profile.Negative.Of(form.Kind) is { } share ? (int)Math.Round((decimal)unitCodes.Count * share.Numerator / share.Denominator, MidpointRounding.AwayFromZero) : 0
                    : profile.Incidents.FirstOrDefault(i => i.Code == question.Code && i.Form == form.Kind)?.UnitsOf(unitCodes.Count) ?? 0;
                var eligible = unitCodes.Where(u => question.IsAsked(units[u][0].Answers)).ToList();
                if (target > eligible.Count)
                {
                    throw new InvalidOperationException($"The demo mission reports {question.Code} in {target} units, but only {eligible.Count} are asked it.");
                }

                chosen = [.. Sample(eligible, target, ref random)];
            }

            foreach (var unit in unitCodes)
            {
                var unitVisits = units[unit];
                for (var v = 0; v < unitVisits.Count; v++)
                {
                    var visit = unitVisits[v];
                    if (!question.IsAsked(visit.Answers))
                    {
                        continue;
                    }

                    // The unit's first visit carries its figure; a later visit agrees half of the time.
                    var reports = chosen.Contains(unit) && (v == 0 || random.Chance(0.5));
                    string? answer = question.Type switch
                    {
                        AnswerType.Assessment => reports ? negativeAnswers[random.Chance(0.75) ? 0 : negativeAnswers.Count - 1] : positiveAnswers[random.Chance(0.4) ? 0 : positiveAnswers.Count - 1],
                        AnswerType.Incident => reports ? "yes" : "no",
                        AnswerType.YesNo => "yes",
                        AnswerType.Number => (1 + random.Next(question.ShowIf is null ? 60 : 10)).ToString(CultureInfo.InvariantCulture),
                        AnswerType.Choice => question.Options![random.Next(question.Options.Count)].Code,
                        AnswerType.Station => precinctsOf.TryGetValue(unit, out var precincts) ? precincts[random.Next(precincts.Count)] : null,
                        _ => null,
                    };
                    if (answer is not null)
                    {
                        visit.Answers[question.Code] = answer;
                    }
                }
            }
        }

        var kind = ObservationForms.KindName(form.Kind);
        return visits.Select((v, i) => new Submission(
            SubmissionId.Parse(string.Create(CultureInfo.InvariantCulture, $"demo-{kind}-{i + 1:D5}")), form.Kind, v.Unit, v.Team, v.At, v.Answers));
    }

    /// <summary>A seeded simple random sample of <paramref name="count"/> items, in their original order.</summary>
    private static List<T> Sample<T>(IReadOnlyList<T> items, int count, ref DeterministicRandom random)
    {
        if (count > items.Count)
        {
            throw new InvalidOperationException($"Cannot sample {count} of {items.Count}.");
        }

        var index = Enumerable.Range(0, items.Count).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(items.Count - i);
            (index[i], index[j]) = (index[j], index[i]);
        }

        return [.. index[..count].Order().Select(i => items[i])];
    }
}
