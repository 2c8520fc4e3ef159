using System.Globalization;
using System.Text;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Storage;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SourceCheck.Cli.Review;

/// <summary>The review UI: a list of flagged links with their two claims, the selected link's claims aligned word by word,
/// and keys to accept (a), reject (r), relabel (l, then choose a type), reopen (o), move (↑/↓, k/j, p/n, PgUp/PgDn,
/// Home/End) and quit (q/Esc). Every decision is saved to the store at once. Keys come from an <see cref="IKeySource"/>
/// and frames go to an <see cref="IAnsiConsole"/>, so the whole UI runs in tests without a terminal.</summary>
public sealed class ReviewSession
{
    private static readonly LinkType[] Types = Enum.GetValues<LinkType>();

    private readonly IClaimStore _store;
    private readonly List<LinkDetail> _links;
    private readonly IAnsiConsole _console;
    private readonly IKeySource _keys;

    public ReviewSession(IClaimStore store, IReadOnlyList<LinkDetail> links, IAnsiConsole console, IKeySource keys)
    {
        _store = store;
        _links = [.. links];
        _console = console;
        _keys = keys;
    }

    public int Selected { get; private set; }

    /// <summary>Non-null while the relabel chooser is open: the highlighted type.</summary>
    public int? RelabelChoice { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Who makes the decisions (recorded with each; shown to other reviewers).</summary>
    public string? Reviewer { get; init; }

    /// <summary>Decisions saved during the session.</summary>
    public int Decisions { get; private set; }

    /// <summary>Draws each frame in place over the last (a real terminal); off for tests that read every frame.</summary>
    public bool ClearBetweenFrames { get; init; }

    /// <summary>Called before each frame, e.g. to follow terminal resizes.</summary>
    public Action<IAnsiConsole>? BeforeFrame { get; init; }

    public IReadOnlyList<LinkDetail> Links => _links;

    public LinkDetail? Current => _links.Count == 0 ? null : _links[Selected];

    /// <summary>Renders, reads a key, applies it; until quit or end of input. Returns the number of decisions saved.</summary>
    public int Run()
    {
        while (true)
        {
            BeforeFrame?.Invoke(_console);
            if (ClearBetweenFrames)
            {
                DrawInPlace();
            }
            else
            {
                _console.Write(BuildFrame());
            }
            if (_keys.ReadKey() is not { } key || !Handle(key))
            {
                break;
            }
        }

        return Decisions;
    }

    /// <summary>Draws the frame over the previous one, line by line at absolute positions (no scrolling, no flicker),
    /// clearing the rest of each line and the screen below.</summary>
    private void DrawInPlace()
    {
        var lines = FrameLines();
        for (int i = 0; i < lines.Count; i++)
        {
            _console.WriteAnsi($"\u001b[{i + 1};1H");
            _console.Write(new Markup(lines[i]));
            _console.WriteAnsi("\u001b[K");
        }

        _console.WriteAnsi("\u001b[J");
    }

    /// <summary>Applies one key; false means quit.</summary>
    public bool Handle(ConsoleKeyInfo key)
    {
        Message = null;
        if (RelabelChoice is int choice)
        {
            HandleRelabel(key, choice);
            return true;
        }

        switch (key.Key)
        {
            case ConsoleKey.UpArrow or ConsoleKey.K or ConsoleKey.P:
                Move(-1);
                return true;
            case ConsoleKey.DownArrow or ConsoleKey.J or ConsoleKey.N:
                Move(1);
                return true;
            case ConsoleKey.PageUp:
                Move(-10);
                return true;
            case ConsoleKey.PageDown:
                Move(10);
                return true;
            case ConsoleKey.Home:
                Move(-_links.Count);
                return true;
            case ConsoleKey.End:
                Move(_links.Count);
                return true;
            case ConsoleKey.Q or ConsoleKey.Escape:
                return false;
        }

        if (Current is null)
        {
            return true;
        }

        switch (char.ToLowerInvariant(key.KeyChar))
        {
            case 'a':
                Decide(ReviewStatus.Accepted, null);
                break;
            case 'r':
                Decide(ReviewStatus.Rejected, null);
                break;
            case 'o':
                Decide(ReviewStatus.Open, null);
                break;
            case 'l':
                RelabelChoice = Array.IndexOf(Types, Current.Link.EffectiveType);
                Message = "Relabel: choose the type with ↑/↓ or 1–7, Enter to save, Esc to cancel";
                break;
        }

        return true;
    }

    private void HandleRelabel(ConsoleKeyInfo key, int choice)
    {
        if (key.Key is ConsoleKey.Escape || char.ToLowerInvariant(key.KeyChar) == 'q')
        {
            RelabelChoice = null;
            Message = "Relabel cancelled";
        }
        else if (key.Key is ConsoleKey.UpArrow or ConsoleKey.K)
        {
            RelabelChoice = (choice + Types.Length - 1) % Types.Length;
        }
        else if (key.Key is ConsoleKey.DownArrow or ConsoleKey.J)
        {
            RelabelChoice = (choice + 1) % Types.Length;
        }
        else if (key.KeyChar is >= '1' and <= '9' && key.KeyChar - '1' < Types.Length)
        {
            RelabelChoice = key.KeyChar - '1';
        }
        else if (key.Key is ConsoleKey.Enter)
        {
            RelabelChoice = null;
            Decide(ReviewStatus.Accepted, Types[choice]);
        }
    }

    private void Move(int delta)
    {
        if (_links.Count > 0)
        {
            Selected = Math.Clamp(Selected + delta, 0, _links.Count - 1);
        }
    }

    private void Decide(ReviewStatus status, LinkType? relabel)
    {
        var detail = Current!;
        _store.SetReview(detail.Link.Id, status, relabel, Reviewer);
        var saved = _store.GetLink(detail.Link.Id) ?? detail.Link;
        _links[Selected] = detail with { Link = saved };
        Decisions++;
        Message = relabel is { } type
            ? $"Link #{saved.Id} relabelled {type.ToName()} and accepted (saved)"
            : $"Link #{saved.Id} {status.ToName()} (saved)";
        if (status != ReviewStatus.Open)
        {
            // Go on to the next link still open, if any.
            int next = _links.FindIndex(Selected + 1, l => l.Link.Status == ReviewStatus.Open);
            if (next >= 0)
            {
                Selected = next;
            }
        }
    }

    /// <summary>One screen as lines that fit the console (see <see cref="FrameLines"/>).</summary>
    public IRenderable BuildFrame() => new Rows(FrameLines().Select(l => new Markup(l)));

    /// <summary>One screen, at most the console's height in lines and one cell narrower than its width: header, the
    /// list of links (each with its two claims), the selected link's claims aligned word by word (A's words in order,
    /// the matched word of B under each; B's unmatched words after), evidence, keys, message. Spectre markup.</summary>
    public IReadOnlyList<string> FrameLines()
    {
        int width = Math.Max(40, _console.Profile.Width) - 1;
        int height = Math.Max(12, _console.Profile.Height);
        int open = _links.Count(l => l.Link.Status == ReviewStatus.Open);
        int accepted = _links.Count(l => l.Link.Status == ReviewStatus.Accepted);
        int rejected = _links.Count - open - accepted;
        var lines = new List<string>();
        string position = _links.Count == 0 ? string.Empty : $" · {Selected + 1} of {_links.Count}";
        lines.Add("[bold]SourceCheck review[/] " + Plain(
            $"— {_links.Count} link(s): {open} open, {accepted} accepted, {rejected} rejected{position}", width - 19));
        if (Current is null)
        {
            lines.Add("[yellow]No flagged links to review.[/] " + Plain("Run 'sourcecheck check' on articles first. q quits.", width - 28));
            return lines;
        }

        // Budget: header, list, three heading lines, the alignment (or the relabel chooser), evidence, keys, message.
        // The alignment gets what is left after at least three links of the list; the list then takes the rest.
        var detail = Current;
        var heading = BuildHeading(detail, width);
        int evidenceLines = detail.Link.Evidence.IsDefaultOrEmpty ? 0 : 1;
        int fixedLines = 1 + heading.Count + evidenceLines + 2;
        int room = Math.Max(2, height - fixedLines - (2 * Math.Min(3, _links.Count)));
        var middle = RelabelChoice is int choice ? [.. BuildChooser(choice, width).Take(room)] : BuildAlignment(detail, width, room);
        int window = Math.Clamp((height - fixedLines - middle.Count) / 2, 1, Math.Min(_links.Count, 12));
        lines.AddRange(BuildList(width, window));
        lines.AddRange(heading);
        lines.AddRange(middle);
        if (evidenceLines > 0)
        {
            lines.Add("[grey]" + Plain("evidence: " + string.Join("; ", detail.Link.Evidence), width) + "[/]");
        }

        lines.Add(Fit("[bold]a[/] accept  [bold]r[/] reject  [bold]l[/] relabel  [bold]o[/] reopen  [bold]↑↓[/] move  [bold]q[/] quit", width, markup: true));
        lines.Add(Message is null ? string.Empty : "[green]" + Plain(Message, width) + "[/]");
        return lines;
    }

    private List<string> BuildList(int width, int window)
    {
        int typeWidth = width >= 70 ? 14 : 10;
        int first = Math.Clamp(Selected - (window / 2), 0, Math.Max(0, _links.Count - window));
        var lines = new List<string>();
        for (int i = first; i < Math.Min(_links.Count, first + window); i++)
        {
            var l = _links[i];
            bool selected = i == Selected;
            string type = l.Link.RelabelledType is { } re ? re.ToName() + "*" : l.Link.Type.ToName();
            string meta = $"{(selected ? ">" : " ")} #{l.Link.Id.ToString(CultureInfo.InvariantCulture),-4} {Cut(type, typeWidth).PadRight(typeWidth)} {l.Link.Score.ToString("0.00", CultureInfo.InvariantCulture)} ";
            int statusWidth = l.Link.Status.ToName().Length;
            int prefix = meta.GetCellWidth() + 9; // status column: "accepted" and a space
            string docs = "  " + Cut($"{l.DocumentA.DisplayName} → {l.DocumentB.DisplayName}", prefix - 3);
            int text = width - prefix - 2;
            string Mark(string s) => selected ? "[reverse]" + Markup.Escape(s) + "[/]" : Markup.Escape(s);
            string first1 = Mark(meta) + StatusMarkup(l.Link.Status);
            string second = Mark(docs);
            if (text >= 6)
            {
                first1 += new string(' ', prefix - meta.GetCellWidth() - statusWidth) + "[bold]A[/] " + Plain(l.A.Claim.Text, text);
                second += new string(' ', prefix - docs.GetCellWidth()) + "[bold]B[/] " + Plain(l.B.Claim.Text, text);
            }

            lines.Add(first1);
            lines.Add(second);
        }

        return lines;
    }

    private static string StatusMarkup(ReviewStatus status) => status switch
    {
        ReviewStatus.Accepted => "[green]accepted[/]",
        ReviewStatus.Rejected => "[red]rejected[/]",
        _ => "[yellow]open[/]",
    };

    private static List<string> BuildHeading(LinkDetail detail, int width)
    {
        var l = detail.Link;
        string type = l.EffectiveType.ToName() + (l.RelabelledType is null ? string.Empty : $" (detected {l.Type.ToName()})");
        string decidedBy = l.Reviewer is { Length: > 0 } who && l.ReviewedAt is { } at
            ? $" by {who} {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}"
            : string.Empty;
        string title = $"── #{l.Id} {type} · score {l.Score.ToString("0.00", CultureInfo.InvariantCulture)} · {l.Status.ToName()}{decidedBy} ";
        var lines = new List<string>
        {
            "[bold]" + Plain(title + new string('─', Math.Max(0, width - title.GetCellWidth())), width) + "[/]",
            "[bold]A[/] " + Plain(Source(detail.A, detail.DocumentA), width - 2),
            "[bold]B[/] " + Plain(Source(detail.B, detail.DocumentB), width - 2),
        };
        return lines;
    }

    private static string Source(StoredClaim claim, StoredDocument document)
    {
        var c = claim.Claim;
        var parts = new[] { document.DisplayName, document.Date ?? "no date", $"claim #{claim.Id}", c.Language, c.Speaker, c.Channel, c.ReportingOutlet is { } o ? "credits " + o : null };
        return string.Join(" · ", parts.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    /// <summary>The claims aligned word by word: A's words in order with the word of B matched to each right under it
    /// (green the same word, cyan a translation, yellow a close form; "–" under an A word that nothing in B matches),
    /// then B's words that match nothing in A. Cut to <paramref name="room"/> lines.</summary>
    private static List<string> BuildAlignment(LinkDetail detail, int width, int room)
    {
        var a = detail.A.Claim;
        var b = detail.B.Claim;
        var alignment = WordAlignment.Align(a.Text, a.Language, b.Text, b.Language);
        var lines = new List<string>
        {
            Fit("[grey]word by word: A above, B below · [/][green]same[/] [cyan]translated[/] [yellow]similar[/] [grey]· – no match[/]", width, markup: true),
        };
        var top = new StringBuilder();
        var bottom = new StringBuilder();
        int used = 0;
        var rows = new List<string>();
        foreach (var word in alignment.Left)
        {
            string upper = Cut(word.Text, width - 1);
            string lower = word.Partners.Length > 0
                ? Cut(string.Join(' ', word.Partners.Select(p => alignment.Right[p].Text)), width - 1)
                : word.Match == WordMatch.None ? "–" : string.Empty;
            int cell = Math.Max(upper.GetCellWidth(), lower.GetCellWidth());
            if (used > 0 && used + 1 + cell > width)
            {
                rows.Add(top.ToString());
                rows.Add(bottom.ToString());
                top.Clear();
                bottom.Clear();
                used = 0;
            }

            if (used > 0)
            {
                top.Append(' ');
                bottom.Append(' ');
                used++;
            }

            string colour = Colour(word.Match);
            top.Append('[').Append(colour).Append(']').Append(Markup.Escape(upper)).Append("[/]").Append(' ', cell - upper.GetCellWidth());
            bottom.Append('[').Append(colour).Append(']').Append(Markup.Escape(lower)).Append("[/]").Append(' ', cell - lower.GetCellWidth());
            used += cell;
        }

        if (used > 0)
        {
            rows.Add(top.ToString());
            rows.Add(bottom.ToString());
        }

        var onlyB = alignment.Right.Where(w => w.Match == WordMatch.None).Select(w => w.Text).ToList();
        if (onlyB.Count > 0)
        {
            rows.Add("[bold]only in B:[/] [red]" + Plain(string.Join(' ', onlyB), width - 11) + "[/]");
        }

        int available = room - lines.Count;
        if (rows.Count > available)
        {
            // Keep whole A/B line pairs, then say what was left out.
            int keep = Math.Max(0, (available - 1) / 2 * 2);
            rows = [.. rows.Take(keep), "[grey]" + Plain($"… {alignment.Left.Length} words in A, {alignment.Right.Length} in B: a larger window shows all", width) + "[/]"];
        }

        lines.AddRange(rows);
        return lines;
    }

    private static string Colour(WordMatch match) => match switch
    {
        WordMatch.Same => "green",
        WordMatch.Translated => "cyan",
        WordMatch.Similar => "yellow",
        WordMatch.None => "red",
        _ => "grey",
    };

    private static List<string> BuildChooser(int choice, int width)
    {
        var lines = new List<string> { "[bold]Relabel as[/] " + Plain("(↑/↓ or 1–7, Enter saves, Esc cancels)", width - 11) };
        for (int i = 0; i < Types.Length; i++)
        {
            string label = $"{i + 1} {Types[i].ToName()}";
            lines.Add(i == choice ? "[reverse]> " + Markup.Escape(label) + "[/]" : "  " + Markup.Escape(label));
        }

        return lines;
    }

    /// <summary>Plain text cut to <paramref name="cells"/> terminal cells (with "…" when cut), escaped for markup.</summary>
    private static string Plain(string text, int cells) => Markup.Escape(Cut(text, cells));

    /// <summary>Text on one line cut to <paramref name="cells"/> cells, "…" when cut.</summary>
    internal static string Cut(string text, int cells)
    {
        // Input text reaches the unfiltered terminal here: control characters and escape sequences become visible symbols.
        text = SourceCheck.Text.TerminalText.Neutralize(text);
        string flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (cells <= 0)
        {
            return string.Empty;
        }

        if (flat.GetCellWidth() <= cells)
        {
            return flat;
        }

        var sb = new StringBuilder();
        int used = 0;
        foreach (char c in flat)
        {
            int w = c.GetCellWidth();
            if (used + w > cells - 1)
            {
                break;
            }

            sb.Append(c);
            used += w;
        }

        return sb.Append('…').ToString();
    }

    /// <summary>Markup (or plain text) that is cut when its visible text is wider than <paramref name="cells"/>.</summary>
    private static string Fit(string text, int cells, bool markup = false)
    {
        if (!markup)
        {
            return Plain(text, cells);
        }

        string visible = Markup.Remove(text);
        return visible.GetCellWidth() <= cells ? text : Plain(visible, cells);
    }
}
