using System.Globalization;
using System.Text;
using SourceCheck.Claims;
using SourceCheck.Storage;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SourceCheck.Cli.Review;

/// <summary>The review UI: a list of flagged links, the selected link's two claims side by side with a word diff,
/// and keys to accept (a), reject (r), relabel (l, then choose a type), reopen (o), move (↑/↓, k/j, p/n, PgUp/PgDn,
/// Home/End) and quit (q/Esc). Every decision is saved to the store at once. Keys come from an <see cref="IKeySource"/>
/// and frames go to an <see cref="IAnsiConsole"/>, so the whole UI runs in tests without a terminal.</summary>
public sealed class ReviewSession
{
    private static readonly LinkType[] Types = Enum.GetValues<LinkType>();

    private readonly SourceCheckStore _store;
    private readonly List<LinkDetail> _links;
    private readonly IAnsiConsole _console;
    private readonly IKeySource _keys;

    public ReviewSession(SourceCheckStore store, IReadOnlyList<LinkDetail> links, IAnsiConsole console, IKeySource keys)
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

    /// <summary>Decisions saved during the session.</summary>
    public int Decisions { get; private set; }

    /// <summary>Clears the screen between frames (a real terminal); off for tests that read every frame.</summary>
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
                _console.Clear(home: true);
            }

            _console.Write(BuildFrame());
            if (_keys.ReadKey() is not { } key || !Handle(key))
            {
                break;
            }
        }

        return Decisions;
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
        _store.SetReview(detail.Link.Id, status, relabel);
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

    /// <summary>One screen: header, list, the two claims with the word diff, details, keys, message.</summary>
    public IRenderable BuildFrame()
    {
        var rows = new List<IRenderable>();
        int open = _links.Count(l => l.Link.Status == ReviewStatus.Open);
        int accepted = _links.Count(l => l.Link.Status == ReviewStatus.Accepted);
        int rejected = _links.Count - open - accepted;
        rows.Add(new Markup($"[bold]SourceCheck review[/] — {_links.Count} link(s): {open} open, {accepted} accepted, {rejected} rejected [grey]· {Markup.Escape(_store.Path)}[/]"));
        if (Current is null)
        {
            rows.Add(new Markup("[yellow]No flagged links to review.[/] Run [bold]sourcecheck check[/] on articles first. [grey]q quits.[/]"));
            return new Rows(rows);
        }

        rows.Add(BuildList());
        rows.Add(BuildClaims(Current));
        rows.Add(BuildDetails(Current));
        if (RelabelChoice is int choice)
        {
            rows.Add(BuildChooser(choice));
        }

        rows.Add(new Markup("[bold]a[/] accept  [bold]r[/] reject  [bold]l[/] relabel  [bold]o[/] reopen  [bold]↑/↓[/] or [bold]p/n[/] previous/next  [bold]q[/] quit"));
        if (Message is not null)
        {
            rows.Add(new Markup("[green]" + Markup.Escape(Message) + "[/]"));
        }

        return new Rows(rows);
    }

    private Table BuildList()
    {
        int height = _console.Profile.Height;
        int window = Math.Clamp(height - 22, 3, 12);
        int first = Math.Clamp(Selected - window / 2, 0, Math.Max(0, _links.Count - window));
        var table = new Table().Border(TableBorder.Simple).Expand();
        table.AddColumn(" ");
        table.AddColumn("#");
        table.AddColumn("type");
        table.AddColumn(new TableColumn("score").RightAligned());
        table.AddColumn("status");
        table.AddColumn("A → B");
        for (int i = first; i < Math.Min(_links.Count, first + window); i++)
        {
            var l = _links[i];
            bool selected = i == Selected;
            string Style(string text) => selected ? "[reverse]" + Markup.Escape(text) + "[/]" : Markup.Escape(text);
            string type = l.Link.RelabelledType is { } re ? $"{re.ToName()} (was {l.Link.Type.ToName()})" : l.Link.Type.ToName();
            table.AddRow(
                selected ? "[bold]>[/]" : " ",
                Style("#" + l.Link.Id.ToString(CultureInfo.InvariantCulture)),
                Style(type),
                Style(l.Link.Score.ToString("0.00", CultureInfo.InvariantCulture)),
                StatusMarkup(l.Link.Status),
                Style($"{l.DocumentA.DisplayName} → {l.DocumentB.DisplayName}"));
        }

        table.Caption($"{Selected + 1} of {_links.Count}");
        return table;
    }

    private static string StatusMarkup(ReviewStatus status) => status switch
    {
        ReviewStatus.Accepted => "[green]accepted[/]",
        ReviewStatus.Rejected => "[red]rejected[/]",
        _ => "[yellow]open[/]",
    };

    private static Grid BuildClaims(LinkDetail detail)
    {
        var (left, right) = WordDiff.Compute(detail.A.Claim.Text, detail.B.Claim.Text);
        var grid = new Grid().Expand();
        grid.AddColumn(new GridColumn());
        grid.AddColumn(new GridColumn());
        grid.AddRow(
            ClaimPanel("A", detail.A, detail.DocumentA, left, deleted: true),
            ClaimPanel("B", detail.B, detail.DocumentB, right, deleted: false));
        return grid;
    }

    private static Panel ClaimPanel(string side, StoredClaim claim, StoredDocument document, IReadOnlyList<DiffSegment> segments, bool deleted)
    {
        var sb = new StringBuilder();
        foreach (var segment in segments)
        {
            string text = Markup.Escape(segment.Text);
            if (!segment.Changed)
            {
                sb.Append(text);
            }
            else if (deleted)
            {
                sb.Append("[red strikethrough][[-").Append(text).Append("-]][/]");
            }
            else
            {
                sb.Append("[green underline]{+").Append(text).Append("+}[/]");
            }
        }

        var c = claim.Claim;
        string attribution = string.Join(" · ", new[] { c.Speaker, c.Channel, c.ReportingOutlet is { } o ? "credits " + o : null }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        if (attribution.Length > 0)
        {
            sb.Append("\n[grey]").Append(Markup.Escape(attribution)).Append("[/]");
        }

        string header = $"{side}: {document.DisplayName} · {document.Date ?? "no date"} · claim #{claim.Id} ({c.Span.Start}–{c.Span.End})";
        return new Panel(new Markup(sb.ToString())) { Header = new PanelHeader(Markup.Escape(header)), Expand = true };
    }

    private static Markup BuildDetails(LinkDetail detail)
    {
        var l = detail.Link;
        var sb = new StringBuilder();
        sb.Append("[bold]").Append(Markup.Escape(l.EffectiveType.ToName())).Append("[/]");
        if (l.RelabelledType is not null)
        {
            sb.Append(" [grey](detected: ").Append(Markup.Escape(l.Type.ToName())).Append(")[/]");
        }

        sb.Append(" · score ").Append(l.Score.ToString("0.00", CultureInfo.InvariantCulture));
        sb.Append(" · ").Append(StatusMarkup(l.Status));
        sb.Append(" · [red][[-deleted-]][/] only in A, [green]{+inserted+}[/] only in B");
        if (!l.Evidence.IsDefaultOrEmpty)
        {
            sb.Append("\nEvidence: ").Append(Markup.Escape(string.Join("; ", l.Evidence)));
        }

        return new Markup(sb.ToString());
    }

    private static Panel BuildChooser(int choice)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < Types.Length; i++)
        {
            string label = $"{i + 1} {Types[i].ToName()}";
            sb.Append(i == choice ? "[reverse]> " + Markup.Escape(label) + "[/]" : "  " + Markup.Escape(label));
            if (i < Types.Length - 1)
            {
                sb.Append('\n');
            }
        }

        return new Panel(new Markup(sb.ToString())) { Header = new PanelHeader("Relabel as") };
    }
}
