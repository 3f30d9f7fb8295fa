namespace Ashyq.Core.Register;

/// <summary>A voter on exactly one precinct list.</summary>
public sealed record Voter(
    Iin Iin,
    string Surname,
    string GivenName,
    string Patronymic,
    Gender Gender,
    string PrecinctCode,
    string Address)
{
    public DateOnly BirthDate => Iin.BirthDate;

    /// <summary>The submitting akimat's own id of the record (a row of its CSV); null for a generated voter without one.</summary>
    public string? SourceId { get; init; }

    /// <summary>The day the record takes effect in the register; null means "before any dated record".</summary>
    public DateOnly? RegisteredOn { get; init; }
}
