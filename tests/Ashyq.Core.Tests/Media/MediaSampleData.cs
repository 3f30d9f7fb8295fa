using Ashyq.Core.Elections;
using Ashyq.Core.Media;

namespace Ashyq.Core.Tests.Media;

/// <summary>A hand-made monitoring sample whose figures the tests compute by hand.</summary>
internal static class MediaSampleData
{
    /// <summary>A fixed UTC+6 zone (Almaty in 2011), so the tests do not depend on the machine's time-zone data.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("UTC+6", TimeSpan.FromHours(6), "UTC+6", "UTC+6");

    public static readonly CandidateDirectory Registered = new(
    [
        new("C1", new LocalizedText("Бірінші Үміткер", "Первый Кандидат", "First Candidate"), "P1"),
        new("C2", new LocalizedText("Екінші Үміткер", "Второй Кандидат", "Second Candidate"), "P2"),
        new("C3", new LocalizedText("Үшінші Үміткер", "Третий Кандидат", "Third Candidate"), "P3"),
        new("C4", new LocalizedText("Төртінші Үміткер", "Четвёртый Кандидат", "Fourth Candidate"), "P4"),
    ]);

    public static readonly MediaRules Rules = new(
        new NewsCoverageRule("registered_candidates", 0.1m, "27.7", true),
        new FreeAirtimeRule(900, 600, 2, "28.3", true));

    /// <summary>An item at a local time (UTC+6) on one day of March 2011.</summary>
    public static MediaItem Item(string outlet, int day, int hour, CoverageKind kind, string subject, int amount, Tone tone = Tone.Neutral, OutletKind outletKind = OutletKind.Television) =>
        new(outlet, outletKind, new DateTimeOffset(2011, 3, day, hour, 0, 0, TimeSpan.FromHours(6)), "Programme", kind, subject,
            subject.StartsWith('C') && subject.Length == 2 ? subject : null, amount, tone, "m1");

    /// <summary>
    /// Outlet TV-A, 14 March (Monday): news C1 60 s positive, C2 40 s; 15 March: C1 40 s, C2 10 s negative, C3 30 s,
    /// C4 20 s; and beside the news, C4 300 s institutional (as President) on 15 March, C2 100 s current affairs,
    /// 40 s of news about a ministry (not a candidate). Outlet "Paper" (print, cm²): news C1 300, C2 100.
    /// Paid time: C4 600 s, C1 200 s, the party Ak Zhol 200 s on TV-A; 500 cm² for C2 in Paper (area, not time).
    /// Institutional: C4 300 s on TV-A + 120 s on TV-B; the Prime Minister 60 s on TV-B.
    /// </summary>
    public static IReadOnlyList<MediaItem> Sample { get; } =
    [
        Item("TV-A", 14, 20, CoverageKind.News, "C1", 60, Tone.Positive),
        Item("TV-A", 14, 21, CoverageKind.News, "C2", 40),
        Item("TV-A", 15, 20, CoverageKind.News, "C1", 40),
        Item("TV-A", 15, 20, CoverageKind.News, "C2", 10, Tone.Negative),
        Item("TV-A", 15, 20, CoverageKind.News, "C3", 30),
        Item("TV-A", 15, 20, CoverageKind.News, "C4", 20, Tone.Positive),
        Item("TV-A", 15, 20, CoverageKind.Institutional, "C4", 300, Tone.Positive),
        Item("TV-A", 15, 22, CoverageKind.CurrentAffairs, "C2", 100),
        Item("TV-A", 15, 20, CoverageKind.News, "Ministry of Health", 40),
        Item("Paper", 14, 6, CoverageKind.News, "C1", 300, outletKind: OutletKind.Print),
        Item("Paper", 15, 6, CoverageKind.News, "C2", 100, outletKind: OutletKind.Print),
        Item("TV-A", 14, 18, CoverageKind.PaidAdvertising, "C4", 600, Tone.Positive),
        Item("TV-A", 15, 18, CoverageKind.PaidAdvertising, "C1", 200, Tone.Positive),
        Item("TV-A", 15, 18, CoverageKind.PaidAdvertising, "Ak Zhol", 200, Tone.Positive),
        Item("Paper", 15, 6, CoverageKind.PaidAdvertising, "C2", 500, Tone.Positive, OutletKind.Print),
        Item("TV-B", 14, 20, CoverageKind.Institutional, "C4", 120, Tone.Positive),
        Item("TV-B", 14, 20, CoverageKind.Institutional, "Prime Minister", 60),
    ];
}
