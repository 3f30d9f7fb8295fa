using System.Resources;

[assembly: NeutralResourcesLanguage("kk")]

namespace Ashyq.Web;

/// <summary>
/// The marker of the portal's texts: <c>Resources/SharedResource.resx</c> is Kazakh (the neutral language),
/// beside it <c>.ru.resx</c> and <c>.en.resx</c>. Read them through <c>IStringLocalizer&lt;SharedResource&gt;</c>.
/// </summary>
public sealed class SharedResource;
