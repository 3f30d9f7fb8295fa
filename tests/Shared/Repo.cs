using Ashyq.Core.Elections;

namespace Ashyq.Tests;

/// <summary>Where the repository is, seen from a test's bin folder, and its shipped definitions.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string DefinitionPath(string id) => Path.Combine(Root, "definitions", id + ".json");

    public static string KzText => File.ReadAllText(DefinitionPath("kz-2011-presidential"));

    private static readonly Lazy<ElectionDefinition> Kz2011 = new(() => ElectionDefinitionLoader.Parse(KzText, "kz-2011-presidential.json"));

    public static ElectionDefinition Kz => Kz2011.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ashyq.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Ashyq.slnx) is not above " + AppContext.BaseDirectory);
    }
}
