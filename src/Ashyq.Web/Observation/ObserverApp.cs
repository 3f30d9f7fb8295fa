using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace Ashyq.Web.Observation;

/// <summary>A file of the observers' app.</summary>
public sealed record AppFile(byte[] Content, string ContentType);

/// <summary>
/// The observers' installable offline app (<c>wwwroot/observe/</c>, embedded in the assembly): an HTML shell, its
/// script, style, web manifest and service worker. Its texts come from the same resource files as the portal's,
/// served as one JSON document for the three languages so the app has them offline.
/// </summary>
public static class ObserverApp
{
    private static readonly ConcurrentDictionary<string, AppFile?> Files = new(StringComparer.Ordinal);

    /// <summary>The resource keys the app uses.</summary>
    public static IReadOnlyList<string> StringKeys { get; } =
    [
        "ObsAppTitle", "ObsAppIntro", "ObsAppSignIn", "ObsAppUser", "ObsAppPassword", "ObsAppSignedInAs", "ObsAppSignOut",
        "ObsAppSignInFailed", "ObsAppForm", "ObsAppStation", "ObsAppTeam", "ObsAppSave", "ObsAppQueued", "ObsAppSent",
        "ObsAppOffline", "ObsAppOnline", "ObsAppQueue", "ObsAppNothingQueued", "ObsAppRefused", "ObsAppRequired", "ObsAppYes", "ObsAppNo",
        "ObsAppSendNow", "ObsAppLanguage", "ObsAppSavedLocally", "ObsAppChoose", "ObsOpening", "ObsVoting", "ObsCounting", "ObsTabulation",
    ];

    public static AppFile? File(string name) => Files.GetOrAdd(name, static n =>
    {
        if (n.Contains('/', StringComparison.Ordinal) || n.Contains('\\', StringComparison.Ordinal) || n.StartsWith('.'))
        {
            return null;
        }

        using var stream = typeof(ObserverApp).Assembly.GetManifestResourceStream("observe/" + n);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var type = Path.GetExtension(n) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".webmanifest" => "application/manifest+json",
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            _ => "application/octet-stream",
        };
        return new AppFile(copy.ToArray(), type);
    });

    /// <summary>The app's texts in kk, ru and en: <c>{"kk": {"ObsAppTitle": "…"}, …}</c>.</summary>
    public static JsonObject Strings(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var root = new JsonObject();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var language in new[] { "kk", "ru", "en" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                var texts = new JsonObject();
                foreach (var key in StringKeys)
                {
                    texts[key] = localizer[key].Value;
                }

                root[language] = texts;
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        return root;
    }
}
