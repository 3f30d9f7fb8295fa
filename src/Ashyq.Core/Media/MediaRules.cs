namespace Ashyq.Core.Media;

/// <summary>
/// The rules of campaign coverage, from the election definition's <c>media</c> section: news coverage of the
/// registered candidates equal (within the monitoring's tolerance), and free airtime equal for every candidate.
/// </summary>
public sealed record MediaRules(NewsCoverageRule NewsCoverage, FreeAirtimeRule FreeAirtime);

/// <summary>
/// News coverage equal among the registered candidates (Election Law 27.7): a candidate whose share of an outlet's
/// campaign news in a week differs from the equal share by more than <see cref="Tolerance"/> is flagged. The
/// tolerance is the monitoring's parameter, not a value of the law.
/// </summary>
public sealed record NewsCoverageRule(string EqualAmong, decimal Tolerance, string Law, bool Verified);

/// <summary>Free airtime per candidate (Election Law 28.3): seconds on television and radio, articles in print.</summary>
public sealed record FreeAirtimeRule(int TelevisionSeconds, int RadioSeconds, int PrintArticles, string Law, bool Verified);
