using System.Globalization;
using System.Security.Claims;
using Ashyq.Core.Commissions;
using Ashyq.Core.Elections;
using Ashyq.Core.Results;
using Ashyq.Storage;
using Ashyq.Web.Accounts;
using Ashyq.Web.Election;
using Ashyq.Web.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace Ashyq.Web.Components.Protocols;

/// <summary>A refusal as the user reads it: the stable code and a sentence in the current language.</summary>
public sealed record Refusal(string Code, string Text);

/// <summary>Who is signed in, as the results pages need it: the user name, the account's commission and its role.</summary>
public sealed record SignedIn(string User, string Commission, AccountRole Role)
{
    public static SignedIn? Of(ClaimsPrincipal? principal) =>
        principal?.Identity is { IsAuthenticated: true, Name: { } name } && AshyqClaims.RoleOf(principal) is { } role
            ? new SignedIn(name, AshyqClaims.CommissionOf(principal) ?? "", role)
            : null;

    public Actor Actor => new(User, Commission);

    /// <summary>The caller the application's actions are taken for.</summary>
    public Ashyq.Application.Pipeline.Caller Caller => new(User, Commission, Role);
}

/// <summary>The results screens' words: refusals, states, relations and the signing rule, in the current language.</summary>
public static class ProtocolText
{
    /// <summary>
    /// The sentence of a refusal: the resource <c>Violation_{code}</c> when there is one (a wrong state names the
    /// state; a blocked signature says why), else the English message of the Core.
    /// </summary>
    public static Refusal Describe(IStringLocalizer l, RuleViolation violation, string? detail = null)
    {
        var text = violation switch
        {
            WrongEntryState wrong => l["Violation_" + violation.Code, l["State_" + wrong.State]],
            _ => l["Violation_" + violation.Code],
        };
        var sentence = text.ResourceNotFound ? violation.Message : text.Value;
        return new Refusal(violation.Code, detail is null ? sentence : sentence + " " + detail);
    }

    /// <summary>Why signing is blocked, as the state of <paramref name="version"/> tells it.</summary>
    public static string SignBlockedReason(IStringLocalizer l, ProtocolVersion version, SigningRule rule)
    {
        var errors = version.Errors();
        if (errors.Count > 0)
        {
            return l["SignBlocked_Errors", string.Join(", ", errors.Select(e => e.Code))];
        }

        var unacknowledged = version.Warnings().Where(w => !version.Acknowledgements.Any(a => a.RelationCode == w.Code)).Select(w => w.Code).ToList();
        return unacknowledged.Count > 0
            ? l["SignBlocked_Warnings", string.Join(", ", unacknowledged)]
            : SigningRuleText(l, "SignBlocked_Signatures", rule);
    }

    /// <summary>"At least n of m members sign, among them the chair or, in the chair's absence, the deputy or the secretary."</summary>
    public static string SigningRuleText(IStringLocalizer l, string key, SigningRule rule)
    {
        var standIns = rule.ChairOrStandIn.Where(r => r != MemberRole.Chair).Select(r => l["Role_" + r].Value.ToLower(CultureInfo.CurrentCulture));
        return l[key, rule.MinimumSignatures, rule.CommissionSize, string.Join(" " + l["Or"] + " ", standIns)];
    }

    public static string State(IStringLocalizer l, ProtocolState state) => l["State_" + state];

    public static string Severity(IStringLocalizer l, RelationSeverity severity) => l["Severity_" + severity.ToString().ToLowerInvariant()];

    public static string Message(ControlRelation relation) => relation.Message.In(Languages.Current);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>
    /// The values typed into the entry form (fields <c>v.{line}</c>), one per line in the form's order. A draft
    /// keeps an empty field as 0; a finished entry needs every line. Spaces typed as thousands separators are ignored.
    /// A refusal names its code (<c>ENTRY.NOT-A-NUMBER</c>, <c>ENTRY.MISSING-LINE</c>) and the lines.
    /// </summary>
    public static (long[]? Values, Refusal? Refusal) ParseEntry(IStringLocalizer l, ProtocolForm form, IFormCollection posted, bool finish)
    {
        var values = new long[form.Lines.Count];
        var missing = new List<string>();
        var wrong = new List<string>();
        foreach (var line in form.Lines)
        {
            var raw = string.Concat(Typed(posted, line.Code).Where(c => !char.IsWhiteSpace(c)));
            if (raw.Length == 0)
            {
                if (finish)
                {
                    missing.Add(line.Code);
                }
            }
            else if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                values[line.Index] = value;
            }
            else
            {
                wrong.Add(line.Code);
            }
        }

        const string NotANumber = "ENTRY.NOT-A-NUMBER", Missing = "ENTRY.MISSING-LINE";
        return wrong.Count > 0 ? (null, new Refusal(NotANumber, l["Violation_" + NotANumber, string.Join(", ", wrong)]))
            : missing.Count > 0 ? (null, new Refusal(Missing, l["Violation_" + Missing, string.Join(", ", missing)]))
            : (values, null);
    }

    public static string Typed(IFormCollection posted, string line) =>
        posted.TryGetValue("v." + line, out var value) ? value.ToString() : "";

    public static string Field(IFormCollection posted, string name) =>
        posted.TryGetValue(name, out StringValues value) ? value.ToString() : "";

    /// <summary>The candidate's or the line's label in the current language.</summary>
    public static string Label(ProtocolLine line) => line.Label.Local();

    public static string Place(Ashyq.Storage.Model.CommissionRow commission) => commission.LocalName();

    /// <summary>A results service over the scoped store, or null when no election is loaded.</summary>
    public static async Task<(ResultsService Service, LoadedElection Election)?> ServiceAsync(ElectionCatalog catalog, AshyqDbContext db, TimeProvider time)
    {
        var election = await catalog.ElectionAsync();
        return election is null ? null : (new ResultsService(db, election.Definition, time), election);
    }
}
