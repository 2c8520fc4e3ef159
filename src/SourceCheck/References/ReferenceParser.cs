using System.Collections.Immutable;
using System.Diagnostics;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.References.Parsing;
using SourceCheck.Text;

namespace SourceCheck.References;

/// <summary>Parses one reference string ("Wile, R., &amp; Kopack, S. (2025, November 6). Title. NBC News.")
/// into a CSL item: a learned field tagger (averaged structured perceptron over hashed token features,
/// Viterbi decoding; see <see cref="TaggerModel"/>) labels every token, and rules turn the labelled
/// segments into CSL names, dates, numbers, DOIs/URLs and a type (<see cref="FieldAssembler"/>).
/// Thread-safe; the model is loaded once from the embedded resource.</summary>
internal static class ReferenceParser
{
    /// <summary>Longest reference parsed; the rest is ignored with a diagnostic.</summary>
    public const int MaxLength = 4000;

    internal const string ModelResource = "resources/refparser/model.bin";

    /// <summary>The same model as the ready-to-use table the build bakes from <see cref="ModelResource"/>.</summary>
    internal const string TableResource = "resources/refparser/table.bin";

    private static readonly Lazy<(TaggerModel? Model, TimeSpan LoadTime)> Loaded = new(LoadEmbedded);

    [ThreadStatic]
    private static Workspace? _workspace;

    /// <summary>How long loading the embedded model took (loads it if needed).</summary>
    public static TimeSpan ModelLoadTime => Loaded.Value.LoadTime;

    internal static TaggerModel? Model => Loaded.Value.Model;

    /// <param name="text">One reference, bullet/number already removed or not.</param>
    /// <param name="id">The CSL id to give the item (null: derived from author/year/title).</param>
    /// <param name="origin">Where the text sits in its source, for field spans and diagnostics (offsets are added to it).</param>
    public static ParsedReference Parse(string text, string? id = null, TextSpan origin = default) =>
        Parse(text, id, origin, Model);

    internal static ParsedReference Parse(string text, string? id, TextSpan origin, TaggerModel? model)
    {
        text ??= string.Empty;
        var diagnostics = new List<Diagnostic>();
        string work = text;
        if (work.Length > MaxLength)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ReferenceTruncated, Severity.Warning, FieldAssembler.SpanOf(origin, MaxLength, text.Length - MaxLength),
                $"reference is {text.Length} characters long; only the first {MaxLength} were parsed"));
            work = work[..MaxLength];
        }

        if (!HasLetterOrDigit(work))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnparsedReference, Severity.Warning, FieldAssembler.SpanOf(origin, 0, text.Length),
                work.Trim().Length == 0 ? "empty reference" : "reference has no words or numbers"));
            return new ParsedReference(text, new CslItem(id ?? "ref", "document"), [], [.. diagnostics]);
        }

        if (model is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ParserModelUnavailable, Severity.Error, FieldAssembler.SpanOf(origin, 0, text.Length),
                "the reference-parser model could not be loaded"));
            return new ParsedReference(text, new CslItem(id ?? "ref", "document"), [], [.. diagnostics]);
        }

        work = NoteSignal.Blank(work);
        var ws = _workspace ??= new Workspace();
        ws.Tag(work, model);
        return FieldAssembler.Assemble(work, ws.Buffer, ws.Labels, ws.Confidence, id, origin, diagnostics);
    }

    private static bool HasLetterOrDigit(string s)
    {
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each token of <paramref name="text"/> with its label and confidence, in order; spans are
    /// offsets into <paramref name="text"/>.</summary>
    public static IReadOnlyList<TokenTag> Explain(string text)
    {
        text ??= string.Empty;
        var model = Model;
        string work = text.Length > MaxLength ? text[..MaxLength] : text;
        var ws = _workspace ??= new Workspace();
        if (model is null)
        {
            var tokens = RefTokenizer.Tokenize(work);
            return tokens.Select(t => new TokenTag(work.Substring(t.Start, t.Length), new TextSpan(t.Start, t.Length), "other", 0)).ToList();
        }

        ws.Tag(work, model);
        var result = new List<TokenTag>(ws.Buffer.Count);
        for (int t = 0; t < ws.Buffer.Count; t++)
        {
            var tok = ws.Buffer.Tokens[t];
            result.Add(new TokenTag(work.Substring(tok.Start, tok.Length), new TextSpan(tok.Start, tok.Length),
                TagLabels.Display[ws.Labels[t]], Math.Round(ws.Confidence[t], 3)));
        }

        return result;
    }

    /// <summary>Token labels of <paramref name="text"/> under <paramref name="model"/>, with or without the rule passes
    /// after decoding (bench: which errors are the tagger's and which the rules').</summary>
    internal static int[] TokenLabels(string text, TaggerModel model, bool rulePasses)
    {
        var ws = _workspace ??= new Workspace();
        ws.Tag(text, model, rulePasses);
        return ws.Labels[..ws.Buffer.Count];
    }

    /// <summary>Loads the embedded model again as a process does (for timing); null when it is missing.</summary>
    internal static TaggerModel? LoadModelFromResource()
    {
        var stream = typeof(ReferenceParser).Assembly.GetManifestResourceStream(TableResource);
        return stream is null ? null : TaggerModel.FromTable(stream);
    }

    private static (TaggerModel?, TimeSpan) LoadEmbedded()
    {
        var sw = Stopwatch.StartNew();
        try
        {
            // not disposed: the model reads the table where the stream points (the binary's image)
            var stream = typeof(ReferenceParser).Assembly.GetManifestResourceStream(TableResource);
            if (stream is null)
            {
                return (null, sw.Elapsed);
            }

            var model = TaggerModel.FromTable(stream);
            return (model, sw.Elapsed);
        }
        catch (InvalidDataException)
        {
            return (null, sw.Elapsed);
        }
        catch (EndOfStreamException)
        {
            return (null, sw.Elapsed);
        }
        catch (IndexOutOfRangeException)
        {
            return (null, sw.Elapsed);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (null, sw.Elapsed);
        }
    }

    /// <summary>The rule passes after decoding, in the order they run (bench: what each one changes).</summary>
    internal static readonly string[] RulePassNames =
    [
        "LeadingEditors", "DinAuthors", "InvertedAuthorRun", "AccessDates", "LaterFullDate", "Editions", "JournalLayout",
        "LeadingOrganisation", "TitleAfterYearColon", "SiteName", "LegalCitation", "GermanWebCitation", "WorksCitedBook", "NoteBook", "NotePinpoint",
        "ColonName", "RoleAfterNames", "QuotedTitle", "VomDate", "LowerCaseAuthor",
    ];

    /// <summary>Bench only: bit i set = rule pass i (<see cref="RulePassNames"/>) is not run (what each pass is worth).</summary>
    internal static int DisabledRulePasses;

    /// <summary>Runs rule pass number <paramref name="pass"/> (<see cref="RulePassNames"/>) over the decoded labels.</summary>
    internal static void ApplyRulePass(int pass, string text, FeatureBuffer buffer, int[] labels, int n)
    {
        switch (pass)
        {
            case 0: LeadingEditors.Relabel(buffer.Classes, labels, n); break;
            case 1: DinAuthors.Relabel(text, buffer.Tokens, labels, n); break;
            case 2: InvertedAuthorRun.Relabel(text, buffer.Tokens, labels, n); break;
            case 3: AccessDates.Relabel(text, buffer.Tokens, buffer.Classes, labels, n); break;
            case 4: LaterFullDate.Relabel(text, buffer.Tokens, buffer.Classes, labels, n); break;
            case 5: Editions.Relabel(text, buffer.Tokens, labels, n); break;
            case 6: JournalLayout.Relabel(text, buffer.Tokens, labels, n); break;
            case 7: LeadingOrganisation.Relabel(text, buffer.Tokens, labels, n); break;
            case 8: LeadingOrganisation.TitleAfterYearColon(text, buffer.Tokens, labels, n); break;
            case 9: SiteName.Relabel(text, buffer.Tokens, labels, n); break;
            case 10: LegalCitation.Relabel(text, buffer.Tokens, labels, n); break;
            case 11: GermanWebCitation.Relabel(text, buffer.Tokens, labels, n); break;
            case 12: WorksCitedBook.Relabel(text, buffer.Tokens, labels, n); break;
            case 13: NoteBook.Relabel(text, buffer.Tokens, labels, n); break;
            case 14: NotePinpoint.Relabel(text, buffer.Tokens, labels, n); break;
            case 15: ColonName.Relabel(text, buffer.Tokens, labels, n); break;
            case 16: RoleAfterNames.Relabel(text, buffer.Tokens, labels, n); break;
            case 17: QuotedTitle.Relabel(text, buffer.Tokens, labels, n); break;
            case 18: VomDate.Relabel(text, buffer.Tokens, labels, n); break;
            case 19: LowerCaseAuthor.Relabel(text, buffer.Tokens, labels, n); break;
            default: throw new ArgumentOutOfRangeException(nameof(pass));
        }
    }

    /// <summary>Token labels of <paramref name="text"/> after the tagger and the first <paramref name="passes"/> rule
    /// passes (bench: which pass turns which token).</summary>
    internal static int[] TokenLabelsAfter(string text, TaggerModel model, int passes)
    {
        var ws = _workspace ??= new Workspace();
        ws.Tag(text, model, rulePasses: false);
        for (int pass = 0; pass < passes; pass++)
        {
            ApplyRulePass(pass, text, ws.Buffer, ws.Labels, ws.Buffer.Count);
        }

        return ws.Labels[..ws.Buffer.Count];
    }

    /// <summary>Per-thread buffers so that parsing does not allocate per token.</summary>
    private sealed class Workspace
    {
        public FeatureBuffer Buffer { get; } = new();

        public DecodeScratch Scratch { get; } = new();

        public int[] Labels = new int[128];

        public float[] Confidence = new float[128];

        public void Tag(string text, TaggerModel model, bool rulePasses = true)
        {
            FeatureExtractor.Extract(text, Buffer, model.BucketMask);
            int n = Buffer.Count;
            if (Labels.Length < n)
            {
                Labels = new int[n * 2];
                Confidence = new float[n * 2];
            }

            model.Decode(Buffer, Labels, Confidence, Scratch);
            if (!rulePasses)
            {
                return;
            }

            for (int pass = 0; pass < RulePassNames.Length; pass++)
            {
                if ((DisabledRulePasses & (1 << pass)) == 0)
                {
                    ApplyRulePass(pass, text, Buffer, Labels, n);
                }
            }
        }
    }
}
