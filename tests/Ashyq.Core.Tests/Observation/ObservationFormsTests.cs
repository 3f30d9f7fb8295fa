using System.Text.Json.Nodes;
using Ashyq.Core.Elections;
using Ashyq.Core.Observation;
using Ashyq.Core.Results;
using Ashyq.Tests;

namespace Ashyq.Core.Tests.Observation;

public class ObservationFormsTests
{
    private static string ShippedText => File.ReadAllText(Path.Combine(Repo.Root, "definitions", "observation-forms-kz-2011.json"));

    [Fact]
    public void TheShippedForms_Load_WithTheStandardCodes_InThreeLanguages()
    {
        var forms = ObservationFormsLoader.Parse(ShippedText, "observation-forms-kz-2011.json");

        Assert.Equal("1.0.0", forms.Version);
        foreach (var kind in Enum.GetValues<FormKind>())
        {
            var form = forms.Form(kind)!;
            Assert.Equal(ObservationForms.AssessmentCode(kind), form.Assessment.Code);
            Assert.All(form.Questions, q => Assert.All(new[] { q.Text.Kk, q.Text.Ru, q.Text.En }, t => Assert.False(string.IsNullOrWhiteSpace(t))));
        }

        Assert.Equal(["OPEN.ASSESSMENT", "VOTE.ASSESSMENT", "COUNT.ASSESSMENT", "TAB.ASSESSMENT"], forms.Forms.Select(f => f.Assessment.Code));
        Assert.Equal(["very_good", "good", "bad", "very_bad"], forms.Assessment.Answers.Select(a => a.Code));
        Assert.Equal(["bad", "very_bad"], forms.Assessment.Negative);
        Assert.Equal(17, ObservationForms.StandardIncidents.Count);
        Assert.All(ObservationForms.StandardIncidents, code => Assert.NotNull(forms.Incident(code)));
        Assert.All(forms.Incidents, i => Assert.Equal(i.Code.StartsWith("INC.PROTOCOL_", StringComparison.Ordinal), i.ConcernsProtocol));
        // Every incident of the catalogue is asked on at least one form.
        Assert.All(forms.Incidents, i => Assert.Contains(forms.Forms, f => f.Question(i.Code) is not null));
        // The embedded copy is the file in definitions/.
        Assert.Equal(ShippedText, ObservationFormsLoader.DefaultText);
    }

    [Fact]
    public void SkipLogic_AsksAQuestion_OnlyWhenItsConditionHolds()
    {
        var voting = ObservationFormsLoader.Default.Form(FormKind.Voting)!;
        var interfering = voting.Question("INC.UNAUTHORIZED_INTERFERING")!;

        Assert.False(interfering.IsAsked(new Dictionary<string, string>()));
        Assert.False(interfering.IsAsked(new Dictionary<string, string> { ["INC.UNAUTHORIZED_PRESENT"] = "no" }));
        Assert.True(interfering.IsAsked(new Dictionary<string, string> { ["INC.UNAUTHORIZED_PRESENT"] = "yes" }));
    }

    [Fact]
    public void ABrokenFile_IsRefused_WithEveryErrorByJsonPath()
    {
        var json = JsonNode.Parse(ShippedText)!;
        var voting = json["forms"]![1]!["questions"]!.AsArray();
        voting[0]!["type"] = "slider";                                  // not an answer type
        json["forms"]![2]!["questions"]![1]!["code"] = "INC.UNKNOWN_THING"; // not in the catalogue
        json["forms"]![0]!["questions"]![0]!["showIf"] = new JsonArray(new JsonObject { ["question"] = "OPEN.ASSESSMENT", ["in"] = new JsonArray("good") });
        json["incidents"]!.AsArray().RemoveAt(0);                          // the standard INC.IDENTICAL_SIGNATURES is missing

        var schemaErrors = ObservationFormsLoader.Check(json.ToJsonString(), out _);
        Assert.Contains(schemaErrors, e => e.Path == "$.forms[1].questions[0].type" && e.Code == "OBS.SCHEMA");

        voting[0]!["type"] = "number";
        var errors = ObservationFormsLoader.Check(json.ToJsonString(), out var forms);

        Assert.Null(forms);
        Assert.Contains(errors, e => e.Path == "$.forms[2].questions[1].code" && e.Code == "OBS.UNKNOWN-INCIDENT");
        Assert.Contains(errors, e => e.Path == "$.forms[0].questions[0].showIf[0].question" && e.Code == "OBS.SKIP-LOGIC");
        Assert.Contains(errors, e => e.Path == "$.incidents" && e.Code == "OBS.MISSING-STANDARD-CODE" && e.Message.Contains("INC.IDENTICAL_SIGNATURES", StringComparison.Ordinal));
        var thrown = Assert.Throws<InvalidDefinitionException>(() => ObservationFormsLoader.Parse(json.ToJsonString(), "broken.json"));
        Assert.Contains("broken.json", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADomesticObserver_NeedsALetterAnIdAndTheCommission_AndNoAccreditation()
    {
        var domestic = new Observer
        {
            Name = "Asel N.",
            Organization = "Nur Otan",
            OrganizationKind = ObserverOrganizationKind.PoliticalParty,
            Term = ObserverTerm.ShortTerm,
            NominatingLetter = "No. 17, 2011-03-30",
            Iin = Ashyq.Core.Register.Iin.Compose(new DateOnly(1990, 1, 1), Ashyq.Core.Register.Gender.Female, 15),
            Commission = "PEC-0041",
        };
        ObserverRules.Check(domestic, "CEC");

        Assert.Equal("OBS.NO-LETTER", Assert.Throws<RuleViolation>(() => ObserverRules.Check(domestic with { NominatingLetter = null }, "CEC")).Code);
        Assert.Equal("OBS.NO-ID", Assert.Throws<RuleViolation>(() => ObserverRules.Check(domestic with { Iin = null }, "CEC")).Code);
        Assert.Equal("OBS.NO-COMMISSION", Assert.Throws<RuleViolation>(() => ObserverRules.Check(domestic with { Commission = null }, "CEC")).Code);
        Assert.Equal("OBS.DOMESTIC-NOT-ACCREDITED", Assert.Throws<RuleViolation>(() => ObserverRules.Check(domestic with { Accreditation = new("CEC", "5") }, "CEC")).Code);
    }

    [Fact]
    public void AnInternationalObserver_IsAccreditedByADecisionOfTheCentralCommissionOnly()
    {
        var international = new Observer
        {
            Name = "STO 001 (FR)",
            Organization = "Mission",
            OrganizationKind = ObserverOrganizationKind.InternationalMission,
            Term = ObserverTerm.ShortTerm,
            Country = "FR",
            Accreditation = new AccreditationDecision("CEC", "ACC-1"),
        };
        ObserverRules.Check(international, "CEC");

        Assert.Equal("OBS.NOT-ACCREDITED", Assert.Throws<RuleViolation>(() => ObserverRules.Check(international with { Accreditation = null }, "CEC")).Code);
        Assert.Equal("OBS.ACCREDITED-BY-WRONG-BODY", Assert.Throws<RuleViolation>(() => ObserverRules.Check(international with { Accreditation = new("TEC-01", "3") }, "CEC")).Code);
    }
}
