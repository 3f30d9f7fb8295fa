using Ashyq.Application.Pipeline;
using Ashyq.Core.Results;

namespace Ashyq.Application.Results;

/// <summary>
/// An operator types the first or the second entry of a precinct's protocol, every line by its code: a draft, or
/// finished. An operator of the superior commission may type it too; the entry is then marked as made there.
/// </summary>
public sealed record EnterProtocol(string Precinct, IReadOnlyDictionary<string, long> Lines, bool Finish) : IAction<ProtocolStep>, IPrecinctAction;

internal sealed class EnterProtocolHandler : PrecinctStepHandler<EnterProtocol>
{
    protected override IReadOnlyList<ControlRelation> Step(EnterProtocol action, object? prepared, ProtocolVersion version, ActionContext context, DateTimeOffset at) =>
        version.Type(context.Caller.Actor, ValuesOf(version.Form, action.Lines), action.Finish, at);

    /// <summary>Every line of the form exactly once, in the form's order; an unknown or a missing line is refused by name.</summary>
    internal static long[] ValuesOf(ProtocolForm form, IReadOnlyDictionary<string, long> lines)
    {
        var unknown = lines.Keys.Where(k => !form.IndexOf.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolation("ENTRY.UNKNOWN-LINE", $"The protocol has no line {string.Join(", ", unknown)}.");
        }

        var missing = form.Lines.Where(l => !lines.ContainsKey(l.Code)).Select(l => l.Code).ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolation("ENTRY.MISSING-LINE", $"Every line is typed; missing: {string.Join(", ", missing)}.");
        }

        return [.. form.Lines.Select(l => lines[l.Code])];
    }
}
