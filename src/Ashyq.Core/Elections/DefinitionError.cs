namespace Ashyq.Core.Elections;

/// <summary>One thing wrong with an election definition: where (a JSON path such as <c>$.protocol.lines[3].code</c>), a stable code, and what.</summary>
public sealed record DefinitionError(string Path, string Code, string Message)
{
    public override string ToString() => $"{Path}: {Message} [{Code}]";
}

/// <summary>Thrown when a definition file is refused; it carries every error found, not just the first.</summary>
public sealed class InvalidDefinitionException(string source, IReadOnlyList<DefinitionError> errors)
    : Exception($"The election definition {source} is refused with {errors.Count} error(s):{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public string DefinitionSource { get; } = source;
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
