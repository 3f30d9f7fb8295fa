using Ashyq.Core.Elections;
using Ashyq.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Ashyq.Web.Portal;

/// <summary>The words of the composition rules: a rule of the definition by its own description, the fixed rules from the resources.</summary>
public static class CompositionText
{
    public static string Rule(IStringLocalizer l, ElectionDefinition definition, string code)
    {
        if (definition.Composition.Rules.FirstOrDefault(r => r.Code == code) is { } rule)
        {
            return rule.Description.Local();
        }

        var text = l["Composition_" + code];
        return text.ResourceNotFound ? code : text.Value;
    }
}
