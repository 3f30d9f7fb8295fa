using System.Globalization;
using Ashyq.Core.Elections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace Ashyq.Web.Localization;

/// <summary>
/// The portal's languages: Kazakh (the state language, the default), Russian and English. A request chooses one
/// with <c>?lang=ru</c>, which is also kept in a cookie; the browser's Accept-Language is not consulted, so a
/// page is Kazakh unless its reader asked otherwise.
/// </summary>
public static class Languages
{
    public const string Default = "kk";

    public const string QueryKey = "lang";

    /// <summary>The languages in the order the switch shows them, each named in itself.</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } =
    [
        ("kk", "Қазақша"),
        ("ru", "Русский"),
        ("en", "English"),
    ];

    /// <summary>The language of the current request: "kk", "ru" or "en".</summary>
    public static string Current => Normalize(CultureInfo.CurrentUICulture.Name);

    /// <summary>A text of the election's data in the current language.</summary>
    public static string Local(this LocalizedText text) => text.In(Current);

    public static bool IsSupported(string? code) => All.Any(l => l.Code == code);

    /// <summary>A link to a page of the portal that keeps the current language when it is not the default.</summary>
    public static string Href(string path) =>
        Current == Default ? path : QueryHelpers.AddQueryString(path, QueryKey, Current);

    public static RequestLocalizationOptions Options()
    {
        var cultures = All.Select(l => new CultureInfo(l.Code)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Default),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
            new CookieRequestCultureProvider(),
        ];
        return options;
    }

    /// <summary>Remembers a language chosen with <c>?lang=</c> in the culture cookie, so later links keep it.</summary>
    public static IApplicationBuilder UseLanguageCookie(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var asked = context.Request.Query[QueryKey].ToString();
        if (IsSupported(asked))
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(asked)),
                new CookieOptions
                {
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    MaxAge = TimeSpan.FromDays(365),
                    Path = "/",
                });
        }

        await next(context);
    });

    private static string Normalize(string culture)
    {
        var language = culture.Split('-')[0];
        return IsSupported(language) ? language : Default;
    }
}
