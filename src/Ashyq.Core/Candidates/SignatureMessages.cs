using System.Globalization;
using Ashyq.Core.Elections;
using Ashyq.Core.Register;

namespace Ashyq.Core.Candidates;

/// <summary>The sentence, in kk, ru and en, that a verification protocol prints for each rejection reason.</summary>
public static class SignatureMessages
{
    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A sheet's field named in the three languages.</summary>
    public static LocalizedText Field(string column) => column switch
    {
        SignatureSheetCsv.SheetIdColumn => new("парақтың нөмірі", "номер листа", "sheet number"),
        SignatureSheetCsv.LineColumn => new("жол нөмірі", "номер строки", "line number"),
        SignatureSheetCsv.SignerIin => new("ЖСН", "ИИН", "IIN"),
        SignatureSheetCsv.Surname => new("тегі", "фамилия", "surname"),
        SignatureSheetCsv.GivenName => new("аты", "имя", "given name"),
        SignatureSheetCsv.Patronymic => new("әкесінің аты", "отчество", "patronymic"),
        SignatureSheetCsv.BirthDate => new("туған күні", "дата рождения", "birth date"),
        SignatureSheetCsv.Address => new("мекенжайы", "адрес", "address"),
        SignatureSheetCsv.SignedOn => new("қол қойылған күні", "дата подписи", "date of signing"),
        SignatureSheetCsv.Collector => new("қол жинаушы", "сборщик подписей", "collector"),
        _ => LocalizedText.Same(column),
    };

    public static LocalizedText Incomplete(IReadOnlyList<string> fields)
    {
        var names = fields.Select(Field).ToList();
        return new(
            $"Жолда толтырылмаған немесе оқылмайтын өріс бар: {string.Join(", ", names.Select(n => n.Kk))}.",
            $"В строке не заполнено или не читается: {string.Join(", ", names.Select(n => n.Ru))}.",
            $"The line leaves empty, or illegible: {string.Join(", ", names.Select(n => n.En))}.");
    }

    public static LocalizedText InvalidIin(IinProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Code switch
        {
            "REG.IIN-BIRTHDATE" => new(
                "ЖСН жарамсыз: алғашқы 7 цифры нақты туған күн мен ғасырды білдірмейді.",
                "ИИН недействителен: первые 7 цифр не образуют действительную дату рождения и век.",
                "The IIN is not valid: digits 1–7 are not a real birth date and century."),
            "REG.IIN-CHECKSUM" => new(
                "ЖСН жарамсыз: бақылау цифры (12-ші) алғашқы 11 цифрға сәйкес емес.",
                "ИИН недействителен: контрольная (12-я) цифра не соответствует первым 11.",
                "The IIN is not valid: the check digit (12th) does not match the first 11."),
            _ => new(
                "ЖСН жарамсыз: ЖСН дәл 12 цифрдан тұрады.",
                "ИИН недействителен: ИИН состоит ровно из 12 цифр.",
                "The IIN is not valid: an IIN is exactly 12 digits."),
        };
    }

    public static LocalizedText OutsidePeriod(DateOnly signedOn, DateOnly from, DateOnly to) => new(
        $"Қол {D(signedOn)} қойылған — қол жинау кезеңінен ({D(from)}–{D(to)}) тыс.",
        $"Подпись поставлена {D(signedOn)}, вне периода сбора подписей ({D(from)}–{D(to)}).",
        $"Signed on {D(signedOn)}, outside the collection period {D(from)}–{D(to)}.");

    public static LocalizedText NotAVoter(DateOnly signedOn) => new(
        $"{D(signedOn)} күні сайлаушылар тізілімінде осы ЖСН-мен сайлаушы болған жоқ.",
        $"На {D(signedOn)} избирателя с этим ИИН в регистре избирателей не было.",
        $"No voter with this IIN was on the register on {D(signedOn)}.");

    public static LocalizedText NameMismatch { get; } = new(
        "Парақтағы аты-жөні тізілімдегі аты-жөнге сәйкес емес.",
        "Фамилия, имя или отчество в подписном листе не совпадают с регистром избирателей.",
        "The name on the sheet is not the name on the register.");

    public static LocalizedText BirthDateMismatch(DateOnly onSheet) => new(
        $"Парақтағы туған күні ({D(onSheet)}) тізілімдегіге сәйкес емес.",
        $"Дата рождения в подписном листе ({D(onSheet)}) не совпадает с регистром избирателей.",
        $"The birth date on the sheet ({D(onSheet)}) is not the register's.");

    public static LocalizedText Duplicate(string sheet, int line) => new(
        $"Бұл сайлаушы осы үміткер үшін бұрын қол қойған ({sheet} парақ, {line} жол); кейінгі қолы есептелмейді.",
        $"Избиратель уже подписался за этого кандидата (лист {sheet}, строка {line}); более поздняя подпись не засчитывается.",
        $"The voter already signed for this nominee (sheet {sheet}, line {line}); the later signature is not counted.");

    /// <summary>What each flagged pattern means, for the verification session.</summary>
    public static LocalizedText Pattern(string pattern) => pattern switch
    {
        SignatureVerification.CollectorRun => new(
            "Бір жинаушы бір күнде тым көп қол жинаған: бір қолмен толтырылғанын тексеріңіз.",
            "Один сборщик за день собрал слишком много подписей: проверить, не заполнены ли строки одной рукой.",
            "One collector gathered too many signatures in one day: check whether one hand filled the lines."),
        SignatureVerification.SameDateAndAddress => new(
            "Бір парақта бірдей күн мен мекенжай бірнеше рет кездеседі.",
            "На одном листе несколько строк с одинаковыми датой и адресом.",
            "Several lines of one sheet share the date and the address."),
        SignatureVerification.SignerDeceased => new(
            "Қол қойған күнге дейін қол қоюшының қайтыс болғаны тіркелген.",
            "До даты подписи зарегистрирована смерть подписавшего.",
            "The signer's death was recorded before the signing date."),
        SignatureVerification.SignerOnSpecialList => new(
            "Қол қоюшы арнайы сайлау учаскесінің тізімінде тұр.",
            "Подписавший числится в списке специального избирательного участка.",
            "The signer is on a special polling station's list."),
        _ => LocalizedText.Same(pattern),
    };
}
