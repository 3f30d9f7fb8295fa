using Ashyq.Web.Election;
using Ashyq.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Ashyq.Web.Nomination;

/// <summary>The nomination screens' words: statuses, requirements, document kinds, in the current language.</summary>
public static class NominationText
{
    public static string Status(string status, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var found = l["NomStatus_" + status.ToLowerInvariant()];
        return found.ResourceNotFound ? status : found.Value;
    }

    public static string StatusClass(string status) => status.ToLowerInvariant() switch
    {
        "registered" => "ok",
        "refused" => "bad",
        _ => "",
    };

    /// <summary>A requirement's (or a refusal reason's) name; the code itself when there is no name for it.</summary>
    public static string Requirement(string code, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var found = l["Req_" + code];
        return found.ResourceNotFound ? code : found.Value;
    }

    public static string Word(string prefix, string value, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var found = l[prefix + value];
        return found.ResourceNotFound ? value : found.Value;
    }

    public static string Organization(LoadedElection election, string nominatedBy, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(election);
        return nominatedBy == "self" ? Word("NomKind_", "self", l) : election.OrganizationName(nominatedBy).Local();
    }
}
