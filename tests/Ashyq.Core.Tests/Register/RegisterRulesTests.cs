using Ashyq.Core.Generation;
using Ashyq.Core.Register;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Register;

public class RegisterRulesTests
{
    [Fact]
    public void Precinct_lists_sort_in_the_kazakh_alphabet()
    {
        string[] names = ["Бекова", "Әлиев", "Ахметов", "Қасымов", "Кенжебаев", "Іскаков", "Ыбыраев", "Өтепов", "Оспанов", "Ұзақов", "Үсенов", "Уәлиев"];
        var sorted = names.Order(KazakhCollation.Instance).ToList();
        Assert.Equal(["Ахметов", "Әлиев", "Бекова", "Кенжебаев", "Қасымов", "Оспанов", "Өтепов", "Уәлиев", "Ұзақов", "Үсенов", "Ыбыраев", "Іскаков"], sorted);
    }

    [Fact]
    public void The_generated_register_counts_the_definitions_voters_on_both_days()
    {
        var generator = new WorldGenerator(Repo.Kz, 0.001, 3);
        var hierarchy = generator.Hierarchy();
        var voters = RegisterHistory.Dated(generator.Voters(hierarchy), Repo.Kz, generator.VoterCount).ToList();
        var opens = Repo.Kz.Calendar.NominationOpens;
        var votingDay = Repo.Kz.Calendar.VotingDay;

        Assert.Equal(9_182, voters.Count);
        Assert.Equal(9_101, voters.Count(v => v.RegisteredOn <= opens)); // 9,101,000 × 0.001
        Assert.Equal(9_182, voters.Count(v => v.RegisteredOn <= votingDay));
        Assert.All(voters, v => Assert.True(v.RegisteredOn < votingDay));
    }

    [Fact]
    public void Special_lists_close_the_day_before_voting_day()
    {
        var special = Repo.Kz.PrecinctLevel.Special!;
        Assert.Equal(new DateOnly(2011, 4, 2), SpecialLists.LastTransferDay(Repo.Kz, special));
    }

    [Theory]
    [InlineData("Оспанова", "оспанова", true)]
    [InlineData("Жақсылықов", "Жаксылыков", true)]
    [InlineData("Оспанова", "Оспанов", false)]
    [InlineData("Оспанова", "", false)]
    public void The_self_check_compares_surnames_without_case_or_kazakh_letters(string listed, string given, bool matches) =>
        Assert.Equal(matches, SelfCheck.SurnameMatches(listed, given));
}
