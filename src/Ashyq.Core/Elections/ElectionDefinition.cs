using System.Text.Json.Serialization;
using Ashyq.Core.Results;

namespace Ashyq.Core.Elections;

/// <summary>
/// An election's rules as data, read from a definition file (<c>definitions/*.json</c>). Every number of the law
/// that the code uses comes from here; load it with <see cref="ElectionDefinitionLoader"/>, which refuses a
/// malformed or inconsistent file with every error named.
/// </summary>
public sealed record ElectionDefinition
{
    public required string Id { get; init; }

    public required string Country { get; init; }

    public required string Office { get; init; }

    public required LocalizedText Name { get; init; }

    public required LawReference Law { get; init; }

    public required string TimeZone { get; init; }

    public required ElectionCalendar Calendar { get; init; }

    public required Electorate Electorate { get; init; }

    public required IReadOnlyList<LevelDefinition> Levels { get; init; }

    /// <summary>Parties, public associations and state bodies that nominate candidates and commission members.</summary>
    public required IReadOnlyList<Organization> Organizations { get; init; }

    public required CompositionRules Composition { get; init; }

    public required SessionRules Sessions { get; init; }

    public required CandidateRules Candidates { get; init; }

    public required ComplaintRules Complaints { get; init; }

    public required ProtocolDefinition Protocol { get; init; }

    public required ResultRules Result { get; init; }

    /// <summary>The rules of campaign coverage that media monitoring checks; null if the definition does not say.</summary>
    public Media.MediaRules? Media { get; init; }

    /// <summary>Which protocol lines are the quantities of election forensics; null if the definition does not say.</summary>
    public ForensicsLines? Forensics { get; init; }

    /// <summary>How published results of this election are read from files; null if they are not imported.</summary>
    public ImportProfiles? Import { get; init; }

    /// <summary>The figures the generator reproduces; null for an election that is imported, not generated.</summary>
    public WorldProfile? World { get; init; }

    /// <summary>The precinct protocol form compiled from <see cref="Protocol"/> and the registered candidates.</summary>
    [JsonIgnore]
    public ProtocolForm ProtocolForm { get; internal set; } = null!;

    /// <summary>The top level (the central commission).</summary>
    [JsonIgnore]
    public LevelDefinition TopLevel => Levels[0];

    /// <summary>The lowest level: the commissions that count votes and write the results protocol.</summary>
    [JsonIgnore]
    public LevelDefinition PrecinctLevel => Levels[^1];

    public LevelDefinition Level(string code) =>
        Levels.FirstOrDefault(l => l.Code == code) ?? throw new KeyNotFoundException($"No level \"{code}\" in {Id}.");

    /// <summary>The number of commissions of the whole hierarchy, every level counted.</summary>
    [JsonIgnore]
    public int CommissionCount => Levels.Sum(l => l.Count);
}

public sealed record LawReference(LocalizedText Title, string Reference);

public sealed record ElectionCalendar
{
    public required DateOnly Called { get; init; }

    public required DateOnly NominationOpens { get; init; }

    public required DateOnly NominationCloses { get; init; }

    public required DateOnly RegistrationCloses { get; init; }

    public required DateOnly VotingDay { get; init; }

    public required TimeOnly PollsOpen { get; init; }

    public required TimeOnly PollsClose { get; init; }

    public required DateOnly FinalResultsBy { get; init; }
}

/// <summary>The size of the electorate at the dates the law reads it.</summary>
public sealed record Electorate
{
    /// <summary>Voters on the day nomination opens: the base of the signature threshold.</summary>
    public required long AtNominationOpening { get; init; }

    public required long OnVotingDay { get; init; }

    public required int MinimumVoterAge { get; init; }
}

public sealed record LevelDefinition
{
    public required string Code { get; init; }

    public required LocalizedText Name { get; init; }

    /// <summary>The name of one commission, with <c>{number}</c> and <c>{unit}</c> placeholders.</summary>
    public required LocalizedText CommissionName { get; init; }

    public string? Parent { get; init; }

    public required int Count { get; init; }

    /// <summary>How codes of this level's commissions are written: a prefix and the number of digits.</summary>
    public required string CodePrefix { get; init; }

    public required int CodeDigits { get; init; }

    public required int CommissionSize { get; init; }

    public required int TermYears { get; init; }

    public required Appointment Appointment { get; init; }

    public required RepresentativeRules Representatives { get; init; }

    public SpecialCommissions? Special { get; init; }

    public string CodeOf(int number) => CodeDigits == 0 ? CodePrefix : CodePrefix + number.ToString("D" + CodeDigits, System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record Appointment(IReadOnlyList<AppointingBody> Bodies);

/// <summary>A body that appoints seats: the President, a chamber of Parliament, a maslikhat.</summary>
public sealed record AppointingBody(string Body, LocalizedText Name, int Seats, bool AppointsChair, string? OnNominationsBy);

public sealed record RepresentativeRules(bool PartyOrCandidateRepresentativesAdmitted, int ConsultativeMembersPerUnrepresentedParty);

/// <summary>Special polling stations (hospitals, military units, abroad …) and when their lists close.</summary>
public sealed record SpecialCommissions(int Count, IReadOnlyList<string> Kinds, int ListsFinalizedDaysBeforeVoting);

/// <summary>The readings of "no persons from one organization": each is evaluated, one is the one applied.</summary>
public sealed record CompositionRules(IReadOnlyList<CompositionRule> Rules, string Applied);

public sealed record CompositionRule(string Code, string Kind, string Reading, LocalizedText Description);

public sealed record SessionRules
{
    /// <summary>Members present needed to sit, as a share of the total membership.</summary>
    public required Fraction Quorum { get; init; }

    public required string QuorumOf { get; init; }

    /// <summary>A decision needs more than this share of votes for.</summary>
    public required Fraction Majority { get; init; }

    public required string MajorityOf { get; init; }

    public required bool DissentingOpinionsAttached { get; init; }

    public required int NoticeHours { get; init; }
}

public sealed record CandidateRules
{
    public required IReadOnlyList<string> NominatedBy { get; init; }

    public required Eligibility Eligibility { get; init; }

    public required int EligibilityDecisionDays { get; init; }

    /// <summary>Support signatures as a share of the electorate; null where the law sets no such share.</summary>
    public SignatureRules? Signatures { get; init; }

    public DepositRules? Deposit { get; init; }

    public required DeclarationRules Declarations { get; init; }

    public required ProxyRules Proxies { get; init; }

    /// <summary>The registered candidates, in ballot order; each also names its line in the results protocol.</summary>
    public required IReadOnlyList<RegisteredCandidate> Registered { get; init; }
}

public sealed record Eligibility(bool CitizenByBirth, int MinimumAge, string AgeOn, int ResidenceYears, bool StateLanguageTest, bool NoUnexpungedCriminalRecord);

public sealed record SignatureRules
{
    public required decimal ShareOfVoters { get; init; }

    public required string VotersCountedOn { get; init; }

    public required int CollectionDays { get; init; }

    public required TerritorialCoverage TerritorialCoverage { get; init; }

    /// <summary>The number of valid signatures needed: the share of the electorate counted on the given day, rounded up.</summary>
    public long Threshold(Electorate electorate) =>
        (long)Math.Ceiling(ShareOfVoters * (VotersCountedOn == "votingDay" ? electorate.OnVotingDay : electorate.AtNominationOpening));
}

public sealed record TerritorialCoverage(string Level, Fraction MinimumShare);

public sealed record DepositRules
{
    public required int MinimumWageMultiple { get; init; }

    public required decimal MinimumMonthlyWage { get; init; }

    public required string Currency { get; init; }

    public required DepositRefund Refund { get; init; }

    public decimal Amount => MinimumWageMultiple * MinimumMonthlyWage;
}

public sealed record DepositRefund(bool ToElected, decimal MinimumVoteShare, bool OnDeath);

public sealed record DeclarationRules(bool Nominee, bool Spouse);

public sealed record ProxyRules(int MaxPerCandidatePerPrecinct);

public sealed record RegisteredCandidate(string Code, LocalizedText Name, string NominatedBy);

public sealed record ComplaintRules(int DeadlineDays, IReadOnlyList<DirectToSupremeCourt> DirectToSupremeCourt)
{
    /// <summary>The times to file a complaint, by code; empty where the definition gives no routing table.</summary>
    public IReadOnlyList<FilingDeadlineRule> FilingDeadlines { get; init; } = [];

    /// <summary>The bodies that decide complaints, each with its time to decide.</summary>
    public IReadOnlyList<ComplaintBodyRule> Bodies { get; init; } = [];

    /// <summary>The routing table: subject kind → competent bodies and the filing deadline that applies.</summary>
    public IReadOnlyList<ComplaintRoute> Routes { get; init; } = [];

    /// <summary>The complainant kinds whose name a published decision carries; every other complainant stays anonymous.</summary>
    public IReadOnlyList<string> PublishedComplainantKinds { get; init; } = [];
}

/// <summary>A time to file, counted from the day of the act complained of: <see cref="Days"/> or <see cref="Months"/>.</summary>
public sealed record FilingDeadlineRule(string Code, int? Days, int? Months, LocalizedText Description, string Law, bool Verified);

/// <summary>A body that decides complaints (<c>higher_commission</c>, <c>commission</c>, <c>district_court</c>, <c>supreme_court</c>, <c>prosecutor</c>).</summary>
public sealed record ComplaintBodyRule(string Kind, LocalizedText Name, int DecisionDays, bool Collegial, bool Appealable, string Law, bool Verified);

/// <summary>One row of the routing table; <see cref="Filing"/> is null where the law sets no time to file.</summary>
public sealed record ComplaintRoute(string Subject, string Respondent, IReadOnlyList<string> Bodies, string? Filing, LocalizedText Description, string Law);

/// <summary>A kind of complaint that goes straight to the Supreme Court, with no appeal.</summary>
public sealed record DirectToSupremeCourt(string Code, LocalizedText Description, bool Appealable);

public sealed record ProtocolDefinition(
    IReadOnlyList<ProtocolLineDefinition> Lines,
    string CandidateGroup,
    IReadOnlyList<RelationDefinition> Relations,
    SigningDefinition Signing);

/// <summary>Who signs the precinct protocol: a minimum share of the members, and the chair or a stand-in.</summary>
public sealed record SigningDefinition(Fraction MinimumShare, IReadOnlyList<string> ChairOrStandIn);

public sealed record ProtocolLineDefinition(string Code, LocalizedText Label);

/// <summary>A control relation: an <c>error</c> blocks signing; a <c>warning</c> must be acknowledged with a reason.</summary>
public sealed record RelationDefinition(string Code, string Severity, string Expression, LocalizedText Message);

public sealed record ResultRules
{
    /// <summary>The protocol line that counts the voters who took part: the winner rule's denominator.</summary>
    public required string ParticipantsLine { get; init; }

    public required string EligibleVotersLine { get; init; }

    /// <summary>The winner needs more than this share of the voters who took part.</summary>
    public required Fraction WinnerMoreThan { get; init; }

    public required int RunoffCandidates { get; init; }

    /// <summary>A minimum turnout for the election to be valid, or null where the law has none.</summary>
    public Fraction? TurnoutThreshold { get; init; }
}

/// <summary>
/// The protocol lines that make up each quantity of election forensics (voters on the list, ballots issued, ballots
/// in the boxes, valid and invalid ballots): each a list of line codes, or the candidate group, whose values add up.
/// </summary>
public sealed record ForensicsLines(
    IReadOnlyList<string> Voters,
    IReadOnlyList<string> Issued,
    IReadOnlyList<string> InBoxes,
    IReadOnlyList<string> Valid,
    IReadOnlyList<string> Invalid);

public sealed record ImportProfiles(CsvImportProfile? Csv);

/// <summary>
/// Published results, one row per precinct: <see cref="Hierarchy"/> names the column of each level's commission
/// below the top (ending with the precinct), <see cref="Lines"/> the column of each protocol line.
/// </summary>
public sealed record CsvImportProfile(IReadOnlyList<HierarchyColumn> Hierarchy, IReadOnlyDictionary<string, string> Lines, string? Separator);

public sealed record HierarchyColumn(string Level, string Column);
