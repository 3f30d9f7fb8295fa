using Ashyq.Core.Elections;

namespace Ashyq.Core.Candidates;

public enum NomineeStatus
{
    Nominated,
    Registered,
    Refused,
    Withdrawn,
}

/// <summary>A person nominated for the office; registered candidates carry their protocol line's code.</summary>
public sealed record Nominee(
    int Number,
    LocalizedText Name,
    string NominatedBy,
    NomineeStatus Status,
    string? CandidateCode,
    string? RefusalReason);
