using System.Collections.Immutable;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Storage;
using SourceCheck.Text;

namespace SourceCheck.Tests.Storage;

/// <summary>A temporary folder with a database path inside; deleted on dispose.</summary>
internal sealed class TempDb : IDisposable
{
    public TempDb()
    {
        Folder = Path.Combine(Path.GetTempPath(), "sc-store-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "test.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public SourceCheckStore Open() => SourceCheckStore.Open(FilePath);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Builds documents and claims from sentences (offsets computed from the text).</summary>
internal static class StoreTestData
{
    public sealed record Doc(DocumentInput Input, IReadOnlyList<Claim> Claims, IReadOnlyList<ReferenceInput> References);

    public static Doc Make(string source, string? outlet, string? date, string language, IEnumerable<(string Sentence, string? Speaker, string? Channel, string? Credits)> sentences, params string[] referenceTitles)
    {
        var text = new System.Text.StringBuilder();
        var claims = new List<Claim>();
        int n = 0;
        foreach (var (sentence, speaker, channel, credits) in sentences)
        {
            int start = text.Length;
            text.Append(sentence).Append(' ');
            claims.Add(new Claim($"{source}-c{++n}", source, language, sentence, new TextSpan(start, sentence.Length),
                speaker is null ? QuoteKind.None : QuoteKind.Indirect, null, speaker, null, channel, credits, ImmutableArray<Figure>.Empty));
        }

        var refs = referenceTitles.Select((t, i) => new ReferenceInput(
            new CslItem($"ref{i + 1}", "article-newspaper").SetString("title", t).SetDate("issued", CslDate.Of(2025, 11, 6)),
            i + 1)).ToList();
        return new Doc(new DocumentInput(source, text.ToString()) { Outlet = outlet, Date = date, Language = language, Title = source }, claims, refs);
    }

    public static IngestResult Ingest(IClaimStore store, Doc doc) => store.Ingest(doc.Input, doc.References, doc.Claims);

    /// <summary>Two German articles and one English one that report the same statements (modelled on the seed story, own wording).</summary>
    public static (Doc Early, Doc Late, Doc English) Story()
    {
        var early = Make("early.txt", "Morgenblatt", "2025-11-07", "de",
        [
            ("„Sinnvoll wäre, dass Regierungen ihre eigene KI-Infrastruktur aufbauen“, schrieb Altman auf X, wie „Zeit“ berichtet.", "Sam Altman", "X (post)", "Zeit"),
            ("Staatliche Bürgschaften für Rechenzentren lehnt der Konzern ab.", "Sam Altman", "X (post)", "Zeit"),
            ("Das Wetter in Berlin bleibt grau und kühl.", null, null, null),
        ], "OpenAI backtracks on backstop");
        var late = Make("late.txt", "Abendpost", "2025-11-09", "de",
        [
            ("Er schlug vor, dass Regierungen eigene KI-Infrastrukturen aufbauen könnten.", "Sam Altman", "X (post)", null),
            ("Die Börse reagierte kaum auf die Nachricht über Bürgschaften.", null, null, null),
        ], "OpenAI backtracks on backstop", "Altman says no bailout");
        var english = Make("english.txt", "Daily Wire Service", "2025-11-06", "en",
        [
            ("Altman wrote on X that governments should build their own AI infrastructure.", "Sam Altman", "X (post)", null),
            ("Markets were calm on Thursday.", null, null, null),
        ], "Altman says no bailout");
        return (early, late, english);
    }
}
