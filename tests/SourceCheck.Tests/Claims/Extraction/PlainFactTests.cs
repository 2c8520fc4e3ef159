using SourceCheck.Claims;

namespace SourceCheck.Tests.Claims.Extraction;

/// <summary>Session 10 (issue 13 part B): a plain factual sentence — no quotation, no speech verb, no figure — is a claim
/// when it names an actor or a place and reports an event (English past or perfect, German perfect or passive), so that
/// another article repeating the fact can be linked to it; background, sentences about statements and sentences without
/// a name stay out.</summary>
public sealed class PlainFactTests
{
    private const string English =
        "Chemical plant shut after leak\n\n" +
        "The Halvorsen chemical plant near Brisworth was shut down after a chlorine leak.\n\n" +
        "Investigators from the Marlow county fire service inspected the damaged tank.\n\n" +
        "Chief executive Anna Reyes also clarified her remarks late on Thursday.\n\n" +
        "Chemical plants are common in the region and employ many people.\n\n" +
        "the valves were replaced and the tank was emptied overnight by the crews.\n";

    private const string German =
        "Chemiewerk nach Leck geschlossen\n\n" +
        "Die Feuerwehr hat das Werk in Brisworth am Abend vollständig geräumt.\n\n" +
        "Die Anlage wurde in Brisworth nach dem Austritt von Chlor stillgelegt.\n\n" +
        "Beobachter in Brisworth verfolgen die Debatte über die Sicherheit aufmerksam.\n\n" +
        "Die Anwohner der Stadt sollen ihre Fenster geschlossen halten und abwarten.\n";

    [Fact]
    public void English_sentences_naming_an_actor_or_place_and_reporting_an_event_are_claims()
    {
        var claims = ClaimExtractor.Extract(English, "en", "en");
        var shut = Assert.Single(claims, c => c.Text.StartsWith("The Halvorsen chemical plant", StringComparison.Ordinal));
        Assert.Equal(QuoteKind.None, shut.Quote);
        Assert.Contains(claims, c => c.Text.StartsWith("Investigators from the Marlow", StringComparison.Ordinal));
    }

    [Fact]
    public void English_background_unnamed_and_statement_sentences_are_not_claims()
    {
        var claims = ClaimExtractor.Extract(English, "en", "en");
        Assert.DoesNotContain(claims, c => c.Text.Contains("clarified her remarks", StringComparison.Ordinal));
        Assert.DoesNotContain(claims, c => c.Text.StartsWith("Chemical plants are common", StringComparison.Ordinal));
        Assert.DoesNotContain(claims, c => c.Text.Contains("valves were replaced", StringComparison.Ordinal));
    }

    [Fact]
    public void German_perfect_and_passive_with_a_place_are_claims_but_background_and_debate_are_not()
    {
        var claims = ClaimExtractor.Extract(German, "de", "de");
        Assert.Contains(claims, c => c.Text.StartsWith("Die Feuerwehr hat das Werk", StringComparison.Ordinal));
        Assert.Contains(claims, c => c.Text.StartsWith("Die Anlage wurde in Brisworth", StringComparison.Ordinal));
        Assert.DoesNotContain(claims, c => c.Text.StartsWith("Beobachter", StringComparison.Ordinal));
        Assert.DoesNotContain(claims, c => c.Text.StartsWith("Die Anwohner", StringComparison.Ordinal));
    }
}
