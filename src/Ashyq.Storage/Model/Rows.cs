namespace Ashyq.Storage.Model;

// The store's rows. Domain types live in Ashyq.Core; these are their persisted shape, mapped in AshyqDbContext.

public sealed class ElectionRow
{
    public int Id { get; set; }

    /// <summary>The definition's id, e.g. <c>kz-2011-presidential</c>.</summary>
    public required string DefinitionId { get; set; }

    public required string NameKk { get; set; }

    public required string NameRu { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The definition file as loaded, so the store carries the rules it was built under.</summary>
    public required string DefinitionJson { get; set; }

    public long Seed { get; set; }

    public double Scale { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>True once every voter of the generated world is written: a store whose load was cut short says so.</summary>
    public bool Complete { get; set; }

    public List<CommissionRow> Commissions { get; } = [];
}

public sealed class CommissionRow
{
    public int Id { get; set; }

    public int ElectionId { get; set; }

    public required string Code { get; set; }

    public required string Level { get; set; }

    public int? ParentId { get; set; }

    public CommissionRow? Parent { get; set; }

    public int Number { get; set; }

    public required string NameKk { get; set; }

    public required string NameRu { get; set; }

    public required string NameEn { get; set; }

    public required string Address { get; set; }

    public string? SpecialKind { get; set; }

    public List<MemberRow> Members { get; } = [];
}

public sealed class MemberRow
{
    public int Id { get; set; }

    public int CommissionId { get; set; }

    public long Iin { get; set; }

    public required string FullName { get; set; }

    public int Gender { get; set; }

    public required string Ethnicity { get; set; }

    public required string NominatedBy { get; set; }

    public required string AppointedBy { get; set; }

    public required string Role { get; set; }

    public bool IsVoting { get; set; }

    public DateOnly TermStart { get; set; }

    public DateOnly TermEnd { get; set; }
}

public sealed class NomineeRow
{
    public int Id { get; set; }

    public int ElectionId { get; set; }

    public int Number { get; set; }

    public required string NameKk { get; set; }

    public required string NameRu { get; set; }

    public required string NameEn { get; set; }

    public required string NominatedBy { get; set; }

    public required string Status { get; set; }

    public string? CandidateCode { get; set; }

    public string? RefusalReason { get; set; }
}

public sealed class VoterRow
{
    public long Id { get; set; }

    /// <summary>Unique: a person is on at most one list.</summary>
    public long Iin { get; set; }

    public required string Surname { get; set; }

    public required string GivenName { get; set; }

    public required string Patronymic { get; set; }

    public DateOnly BirthDate { get; set; }

    public int Gender { get; set; }

    public int PrecinctId { get; set; }

    public required string Address { get; set; }

    /// <summary>The akimat's id of the record; null for a generated voter.</summary>
    public string? SourceId { get; set; }

    /// <summary>The day the record took effect; null means before any dated record. The count on a day reads it.</summary>
    public DateOnly? RegisteredOn { get; set; }
}
