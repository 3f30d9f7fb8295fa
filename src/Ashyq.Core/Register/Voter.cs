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
}
