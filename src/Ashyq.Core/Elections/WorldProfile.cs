namespace Ashyq.Core.Elections;

/// <summary>
/// The figures of the real election that the world generator reproduces: the territorial units, the
/// organizations that nominate commission members, and the shares the observers reported. Not rules of the law:
/// facts of one election, kept beside its rules so that another election brings its own.
/// </summary>
public sealed record WorldProfile
{
    public required IReadOnlyList<TerritorialUnit> TerritorialUnits { get; init; }

    /// <summary>Per level, the weight of each organization among the nominations of commission members.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Nominations { get; init; }

    /// <summary>Per level, the share of women among members.</summary>
    public required IReadOnlyDictionary<string, double> WomenShare { get; init; }

    /// <summary>Per level, the share of women among chairs.</summary>
    public required IReadOnlyDictionary<string, double> WomenChairShare { get; init; }

    /// <summary>Ethnicity shares among commission members.</summary>
    public required IReadOnlyDictionary<string, double> MemberEthnicity { get; init; }

    /// <summary>Shares of voters whose names are Kazakh or Russian.</summary>
    public required IReadOnlyDictionary<string, double> VoterNames { get; init; }

    public required int Nominees { get; init; }

    /// <summary>How simulate-night draws the counts; the real election's figures (2011: turnout 89.98%, the incumbent 95.55%).</summary>
    public NightProfile? Night { get; init; }

    public required DateOnly CommissionTermStart { get; init; }
}

public sealed record TerritorialUnit(LocalizedText Name, string Centre, double Weight);

public sealed record Organization(string Code, LocalizedText Name, string Kind);

public sealed record NightProfile(double Turnout, double InvalidShare, IReadOnlyDictionary<string, double> CandidateShares, double Spread);
