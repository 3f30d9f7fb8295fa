using Ashyq.Core.Elections;

namespace Ashyq.Core.Register;

/// <summary>A voter's own entry, as the self-check shows it: the precinct, its address, how to ask for a correction.</summary>
public sealed record SelfCheckAnswer(string PrecinctCode, LocalizedText PrecinctName, string PrecinctAddress, LocalizedText HowToCorrect);

/// <summary>The rules of the voter's self-check (law Art. 26.3–26.4).</summary>
public static class SelfCheck
{
    /// <summary>True when the surname given is the one on the list: case, spaces and Kazakh/Russian letters do not matter.</summary>
    public static bool SurnameMatches(string listed, string given) =>
        !string.IsNullOrWhiteSpace(given) && NameFolding.FoldKazakh(listed.Trim()) == NameFolding.FoldKazakh(given.Trim());

    public static LocalizedText HowToCorrect { get; } = new(
        "Деректеріңіз қате болса немесе тізімде жоқ болсаңыз, учаскелік сайлау комиссиясына немесе тізімді жасаған әкімдікке жеке куәлігіңізбен жазбаша өтініш беріңіз. Тізімге енгізбеу, қате енгізу, шығару немесе деректердің қателігі туралы шағым беруге құқығыңыз бар (Сайлау туралы заң, 26-бап, 3–4-тармақтар).",
        "Если ваши данные неверны или вас нет в списке, подайте письменное заявление с удостоверением личности в участковую избирательную комиссию или в акимат, составивший список. Вы вправе обжаловать невключение, неправильное включение, исключение или неточность данных (Закон о выборах, ст. 26, п. 3–4).",
        "If your data is wrong or you are not on the list, apply in writing, with your identity card, to your precinct election commission or to the akimat that compiled the list. You may appeal an omission, a wrong inclusion, an exclusion or wrong data (Election Law, Art. 26.3–26.4).");
}

/// <summary>When a special polling station's list closes: the definition's days before voting day.</summary>
public static class SpecialLists
{
    /// <summary>The last day a voter can be moved to a special station's list (lists are final at its end).</summary>
    public static DateOnly LastTransferDay(ElectionDefinition definition, SpecialCommissions special) =>
        definition.Calendar.VotingDay.AddDays(-special.ListsFinalizedDaysBeforeVoting);
}
