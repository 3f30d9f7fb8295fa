using System.Globalization;
using Ashyq.Core.Candidates;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Register;

namespace Ashyq.Core.Generation;

/// <summary>The hierarchy of a generated election: its commissions, their members and the nominees.</summary>
public sealed record GeneratedHierarchy(
    IReadOnlyList<Commission> Commissions,
    IReadOnlyList<Member> Members,
    IReadOnlyList<Nominee> Nominees,
    IReadOnlyList<long> VotersPerPrecinct)
{
    public long VoterCount => VotersPerPrecinct.Sum();
}

/// <summary>
/// Builds a deterministic election from a definition: the whole commission hierarchy with its members (always
/// whole, whatever the scale), the nominees, and the voters — the electorate on voting day times the scale, each
/// on exactly one precinct list, with valid IINs. The same definition, scale and seed give the same election.
/// </summary>
public sealed class WorldGenerator
{
    /// <summary>IIN serials 0–8999 are voters', 9000–9999 members'; so the two never collide.</summary>
    private const int MemberSerialBase = 9000;

    private readonly ElectionDefinition _definition;
    private readonly double _scale;
    private readonly long _seed;

    public WorldGenerator(ElectionDefinition definition, double scale, long seed)
    {
        if (double.IsNaN(scale) || scale < 0 || scale > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale is between 0 (no voters) and 10.");
        }

        if (definition.World is null)
        {
            throw new InvalidOperationException($"The definition {definition.Id} has no \"world\" section: its election can be imported, not generated.");
        }

        _definition = definition;
        _scale = scale;
        _seed = seed;
    }

    /// <summary>The number of voters this scale generates: the electorate on voting day times the scale.</summary>
    public long VoterCount => (long)Math.Round(_definition.Electorate.OnVotingDay * _scale, MidpointRounding.AwayFromZero);

    public GeneratedHierarchy Hierarchy()
    {
        var random = DeterministicRandom.For(_seed, 0);
        var world = _definition.World!;
        var commissions = new List<Commission>(_definition.CommissionCount);
        var unitOf = new List<int>();
        var weightOf = new List<double>();
        var streets = new List<string>();

        // Top level: one commission in the capital.
        var top = _definition.TopLevel;
        commissions.Add(new Commission
        {
            Code = new CommissionCode(top.CodeOf(1)),
            Level = top.Code,
            Number = 1,
            Name = top.CommissionName,
            Address = "Астана қ., Бейбітшілік көшесі, 4",
        });
        unitOf.Add(-1);
        weightOf.Add(1);
        streets.Add(NamePools.Streets[0]);

        var parents = new List<int> { 0 };
        for (var l = 1; l < _definition.Levels.Count; l++)
        {
            var level = _definition.Levels[l];
            var isPrecinct = l == _definition.Levels.Count - 1;
            long[] children = l == 1
                ? [level.Count]
                : Apportionment.Apportion(level.Count, parents.Select(p => weightOf[p]).ToArray(), minimumEach: 1);
            var next = new List<int>(level.Count);
            var number = 0;
            for (var p = 0; p < parents.Count; p++)
            {
                var parent = parents[p];
                for (var c = 0; c < children[p]; c++)
                {
                    number++;
                    var unit = l == 1 ? number - 1 : unitOf[parent];
                    var weight = l == 1
                        ? world.TerritorialUnits[unit].Weight
                        : weightOf[parent] / children[p] * (0.7 + 0.6 * random.NextDouble());
                    string? specialKind = null;
                    if (isPrecinct && level.Special is { Count: > 0 } special
                        && (long)number * special.Count / level.Count > (long)(number - 1) * special.Count / level.Count)
                    {
                        specialKind = special.Kinds[(int)((long)(number - 1) * special.Count / level.Count % special.Kinds.Count)];
                        weight *= 0.08;
                    }

                    var street = random.Pick(NamePools.Streets);
                    var unitName = world.TerritorialUnits[unit].Name;
                    var numberText = number.ToString(CultureInfo.InvariantCulture);
                    commissions.Add(new Commission
                    {
                        Code = new CommissionCode(level.CodeOf(number)),
                        Level = level.Code,
                        Parent = commissions[parent].Code,
                        Number = number,
                        Name = new LocalizedText(
                            Fill(level.CommissionName.Kk, numberText, unitName.Kk),
                            Fill(level.CommissionName.Ru, numberText, unitName.Ru),
                            Fill(level.CommissionName.En, numberText, unitName.En)),
                        Address = AddressOf(world.TerritorialUnits[unit].Centre, street, specialKind, ref random),
                        SpecialKind = specialKind,
                    });
                    unitOf.Add(unit);
                    weightOf.Add(weight);
                    streets.Add(street);
                    next.Add(commissions.Count - 1);
                }
            }

            parents = next;
        }

        var precinctWeights = parents.Select(p => weightOf[p]).ToArray();
        var votersPerPrecinct = Apportionment.Apportion(VoterCount, precinctWeights);
        var members = Members(commissions, ref random);
        var nominees = Nominees(ref random);
        _precinctStreets = parents.Select(p => streets[p]).ToArray();
        _precinctCentres = parents.Select(p => world.TerritorialUnits[unitOf[p]].Centre).ToArray();
        _precinctCodes = parents.Select(p => commissions[p].Code.Value).ToArray();
        return new GeneratedHierarchy(commissions, members, nominees, votersPerPrecinct);
    }

    private string[] _precinctStreets = [];
    private string[] _precinctCentres = [];
    private string[] _precinctCodes = [];

    /// <summary>
    /// The voters of <paramref name="hierarchy"/>, precinct by precinct, generated as they are read (the
    /// register at scale 1 is never held in memory). Deterministic; each IIN is unique and valid.
    /// </summary>
    public IEnumerable<Voter> Voters(GeneratedHierarchy hierarchy)
    {
        if (_precinctCodes.Length != hierarchy.VotersPerPrecinct.Count)
        {
            throw new InvalidOperationException("Voters() reads the hierarchy this generator built: call Hierarchy() first.");
        }

        var votingDay = _definition.Calendar.VotingDay;
        var youngest = votingDay.AddYears(-_definition.Electorate.MinimumVoterAge);
        var oldest = votingDay.AddYears(-95);
        var span = youngest.DayNumber - oldest.DayNumber + 1;
        var serials = new ushort[span * 2];
        var kazakhShare = _definition.World!.VoterNames.TryGetValue("kazakh", out var share) ? share : 0.5;

        for (var p = 0; p < hierarchy.VotersPerPrecinct.Count; p++)
        {
            var random = DeterministicRandom.For(_seed, 1_000_000 + p);
            var code = _precinctCodes[p];
            var addressStart = $"{_precinctCentres[p]} қ., {_precinctStreets[p]} көшесі, ";
            for (long v = 0; v < hierarchy.VotersPerPrecinct[p]; v++)
            {
                var gender = random.Chance(0.53) ? Gender.Female : Gender.Male;

                // Ages 18–95 on voting day, fewer of the old.
                var ageDays = (int)(Math.Pow(random.NextDouble(), 1.35) * span);
                var birthDate = DateOnly.FromDayNumber(youngest.DayNumber - ageDays);
                var slot = (youngest.DayNumber - birthDate.DayNumber) * 2 + (gender == Gender.Female ? 1 : 0);
                Iin? iin = null;
                while (iin is null)
                {
                    var serial = serials[slot]++;
                    if (serial >= MemberSerialBase)
                    {
                        throw new InvalidOperationException($"More than {MemberSerialBase} voters born on {birthDate:yyyy-MM-dd}: the scale is too large for unique IINs.");
                    }

                    iin = Iin.Compose(birthDate, gender, serial);
                }

                var female = gender == Gender.Female;
                string surname, given, patronymic;
                if (random.Chance(kazakhShare))
                {
                    var male = random.Pick(NamePools.KazakhSurnames);
                    surname = female ? NamePools.FemaleSurname(male) : male;
                    given = random.Pick(female ? NamePools.KazakhFemaleNames : NamePools.KazakhMaleNames);
                    patronymic = random.Pick(NamePools.KazakhMaleNames) + (female ? "қызы" : "ұлы");
                }
                else
                {
                    var male = random.Pick(NamePools.RussianSurnames);
                    surname = female ? NamePools.FemaleSurname(male) : male;
                    given = random.Pick(female ? NamePools.RussianFemaleNames : NamePools.RussianMaleNames);
                    var father = random.Next(NamePools.RussianPatronymicsMale.Length);
                    patronymic = female ? NamePools.RussianPatronymicsFemale[father] : NamePools.RussianPatronymicsMale[father];
                }

                var address = string.Concat(addressStart, (1 + random.Next(120)).ToString(CultureInfo.InvariantCulture), ", ", (1 + random.Next(200)).ToString(CultureInfo.InvariantCulture));
                yield return new Voter(iin.Value, surname, given, patronymic, gender, code, address);
            }
        }
    }

    private List<Member> Members(List<Commission> commissions, ref DeterministicRandom random)
    {
        var world = _definition.World!;
        var termStart = world.CommissionTermStart;
        var ethnicities = world.MemberEthnicity.ToList();
        var ethnicityTotal = ethnicities.Sum(e => e.Value);
        var nominations = world.Nominations.ToDictionary(n => n.Key, n => (Weights: n.Value.ToList(), Total: n.Value.Values.Sum()));
        var organizations = _definition.Organizations.Select(o => o.Code).ToHashSet();
        var members = new List<Member>(commissions.Count * 7);
        var serials = new Dictionary<(DateOnly, Gender), int>();

        // Exactly the definition's share of women among each level's chairs and members, placed at random: the
        // figures come out as the seed reports them, not only on average.
        var womenSeats = new Dictionary<string, List<bool[]>>();
        var levelIndex = new Dictionary<string, int>();
        foreach (var level in _definition.Levels)
        {
            womenSeats[level.Code] = WomenSeats(level.Count, level.CommissionSize, world.WomenShare[level.Code], world.WomenChairShare[level.Code], ref random);
            levelIndex[level.Code] = 0;
        }

        foreach (var commission in commissions)
        {
            var level = _definition.Level(commission.Level);
            var size = level.CommissionSize;
            var women = womenSeats[level.Code][levelIndex[level.Code]++];

            var seat = 0;
            foreach (var body in level.Appointment.Bodies)
            {
                for (var k = 0; k < body.Seats; k++, seat++)
                {
                    var role = seat switch
                    {
                        0 => MemberRole.Chair,
                        1 => MemberRole.DeputyChair,
                        2 => MemberRole.Secretary,
                        _ => MemberRole.Member,
                    };
                    var nominatedBy = body.OnNominationsBy is null
                        ? (organizations.Contains(body.Body.ToUpperInvariant()) ? body.Body.ToUpperInvariant() : body.Body)
                        : random.PickWeighted(nominations[level.Code].Weights, nominations[level.Code].Total);
                    var ethnicity = random.PickWeighted(ethnicities, ethnicityTotal);
                    var gender = women[seat] ? Gender.Female : Gender.Male;
                    var birthDate = termStart.AddYears(-25 - random.Next(45)).AddDays(-random.Next(365));
                    Iin? iin = null;
                    while (iin is null)
                    {
                        serials.TryGetValue((birthDate, gender), out var n);
                        serials[(birthDate, gender)] = n + 1;
                        iin = Iin.Compose(birthDate, gender, MemberSerialBase + n);
                    }

                    members.Add(new Member
                    {
                        Commission = commission.Code,
                        Iin = iin.Value,
                        FullName = PersonName(ethnicity, gender, ref random),
                        Gender = gender,
                        Ethnicity = ethnicity,
                        NominatedBy = nominatedBy,
                        AppointedBy = body.Body,
                        Role = role,
                        IsVoting = true,
                        TermStart = termStart,
                        TermEnd = termStart.AddYears(level.TermYears),
                    });
                }
            }
        }

        return members;
    }

    private static List<bool[]> WomenSeats(int commissions, int size, double womenShare, double chairShare, ref DeterministicRandom random)
    {
        var chairs = (int)Math.Round(chairShare * commissions, MidpointRounding.AwayFromZero);
        var total = (int)Math.Round(womenShare * commissions * size, MidpointRounding.AwayFromZero);
        var others = Math.Clamp(total - chairs, 0, commissions * (size - 1));
        var chairFlags = Shuffled(commissions, chairs, ref random);
        var otherFlags = Shuffled(commissions * (size - 1), others, ref random);
        var seats = new List<bool[]>(commissions);
        for (var c = 0; c < commissions; c++)
        {
            var flags = new bool[size];
            flags[0] = chairFlags[c];
            for (var s = 1; s < size; s++)
            {
                flags[s] = otherFlags[c * (size - 1) + s - 1];
            }

            seats.Add(flags);
        }

        return seats;
    }

    /// <summary><paramref name="count"/> trues among <paramref name="length"/> places, in random order (Fisher–Yates).</summary>
    private static bool[] Shuffled(int length, int count, ref DeterministicRandom random)
    {
        var flags = new bool[length];
        for (var i = 0; i < Math.Min(count, length); i++)
        {
            flags[i] = true;
        }

        for (var i = length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (flags[i], flags[j]) = (flags[j], flags[i]);
        }

        return flags;
    }

    private List<Nominee> Nominees(ref DeterministicRandom random)
    {
        var registered = _definition.Candidates.Registered;
        var nominees = registered
            .Select((c, i) => new Nominee(i + 1, c.Name, c.NominatedBy, NomineeStatus.Registered, c.Code, null))
            .ToList();
        string[] reasons = ["language-test", "signatures-insufficient", "documents-incomplete", "withdrew"];
        for (var n = registered.Count; n < _definition.World!.Nominees; n++)
        {
            var gender = random.Chance(0.2) ? Gender.Female : Gender.Male;
            var name = PersonName("kazakh", gender, ref random);
            var reason = reasons[random.Next(reasons.Length)];
            nominees.Add(new Nominee(
                n + 1,
                LocalizedText.Same(name),
                "self",
                reason == "withdrew" ? NomineeStatus.Withdrawn : NomineeStatus.Refused,
                null,
                reason));
        }

        return nominees;
    }

    private static string PersonName(string ethnicity, Gender gender, ref DeterministicRandom random)
    {
        var female = gender == Gender.Female;
        if (ethnicity is "kazakh" or "uzbek" or "uighur")
        {
            var surname = random.Pick(NamePools.KazakhSurnames);
            return $"{(female ? NamePools.FemaleSurname(surname) : surname)} {random.Pick(female ? NamePools.KazakhFemaleNames : NamePools.KazakhMaleNames)} {random.Pick(NamePools.KazakhMaleNames)}{(female ? "қызы" : "ұлы")}";
        }

        var russian = random.Pick(NamePools.RussianSurnames);
        var father = random.Next(NamePools.RussianPatronymicsMale.Length);
        return $"{(female ? NamePools.FemaleSurname(russian) : russian)} {random.Pick(female ? NamePools.RussianFemaleNames : NamePools.RussianMaleNames)} {(female ? NamePools.RussianPatronymicsFemale[father] : NamePools.RussianPatronymicsMale[father])}";
    }

    private static string Fill(string template, string number, string unit) =>
        template.Replace("{number}", number, StringComparison.Ordinal).Replace("{unit}", unit, StringComparison.Ordinal);

    private static string AddressOf(string centre, string street, string? specialKind, ref DeterministicRandom random)
    {
        var house = 1 + random.Next(150);
        return specialKind switch
        {
            "hospital" => $"{centre} қ., № {1 + random.Next(12)} қалалық аурухана, {street} көшесі, {house}",
            "military-unit" => $"№ {10000 + random.Next(90000)} әскери бөлім, {centre} қ. маңы",
            "abroad" => $"Қазақстан Республикасының елшілігі, {random.Pick(NamePools.Abroad)}",
            "remote-area" => $"{centre} қ. маңындағы жайылым, № {1 + random.Next(40)} учаске",
            "pre-trial-detention" => $"{centre} қ., № {1 + random.Next(5)} тергеу изоляторы",
            "sanatorium" => $"{centre} қ. маңы, «{street}» шипажайы",
            _ => $"{centre} қ., {street} көшесі, {house}, № {1 + random.Next(90)} мектеп",
        };
    }
}
