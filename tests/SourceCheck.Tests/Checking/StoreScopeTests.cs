using System.Text.Json;
using SourceCheck.Claims;
using SourceCheck.Reports;
using SourceCheck.Storage;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Checking;

/// <summary>Issue 13, "the default store": links among the checked documents first, matches with stored documents in
/// their own section naming the stored document, no claim without text, identical runs giving identical results,
/// and review decisions reaching later checks.</summary>
public sealed class StoreScopeTests
{
    private static readonly DateTimeOffset Fixed = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static string TempDb() => Path.Combine(Path.GetTempPath(), "sc-scope-" + Guid.NewGuid().ToString("N")[..8] + ".db");

    private static Checker CheckerFor(string db) => new(new CheckerOptions { OpenStore = () => StoreLocation.Open(db, new FixedTime(Fixed)), Time = new FixedTime(Fixed) });

    private static string De1 => SharedData.Fixture("check/nordwind-de-1.txt");

    private static string De2 => SharedData.Fixture("check/nordwind-de-2.txt");

    private static string En => SharedData.Fixture("check/nordwind-en.txt");

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Should_put_matches_with_stored_documents_in_their_own_section_naming_the_stored_document()
    {
        string db = TempDb();
        CheckerFor(db).CheckFiles(En);
        var report = CheckerFor(db).CheckFiles(De1, De2);

        var store = Assert.IsType<StoreComparison>(report.Store);
        Assert.Equal(Path.GetFullPath(db), Path.GetFullPath(store.Path));
        Assert.Equal(1, store.DocumentsInStore);
        var stored = Assert.Single(store.ComparedDocuments);
        Assert.NotEmpty(report.StoreMatches);
        Assert.NotEmpty(report.CheckedLinks);
        // links among the checked documents come first
        Assert.Equal(Keys([.. report.CheckedLinks, .. report.StoreMatches]), Keys(report.Links));
        Assert.All(report.CheckedLinks, l => Assert.True(report.IsReportDocument(l.A.DocumentId) && report.IsReportDocument(l.B.DocumentId)));
        Assert.All(report.StoreMatches, l => Assert.True(report.IsReportDocument(l.A.DocumentId) ^ report.IsReportDocument(l.B.DocumentId)));

        string text = CheckReportRenderer.Render(report, ReportFormat.Text);
        int checkedAt = text.IndexOf("Links among the checked documents (", StringComparison.Ordinal);
        int storeAt = text.IndexOf("Matches with stored documents (" + report.StoreMatches.Length + "; store ", StringComparison.Ordinal);
        Assert.True(checkedAt >= 0 && storeAt > checkedAt, text);
        Assert.Contains("1 of 1 stored document(s) compared", text, StringComparison.Ordinal);
        Assert.Contains("[stored: " + stored.Label + "]", text, StringComparison.Ordinal);
        Assert.NotNull(stored.Title);
        Assert.StartsWith(stored.Title!, stored.Label, StringComparison.Ordinal);
        Assert.DoesNotContain("[db:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(db:", text, StringComparison.Ordinal);

        string md = CheckReportRenderer.Render(report, ReportFormat.Markdown);
        Assert.True(md.IndexOf("## Links among the checked documents", StringComparison.Ordinal) < md.IndexOf("## Matches with stored documents", StringComparison.Ordinal));
        Assert.Contains("1 of 1 stored document(s) compared", md, StringComparison.Ordinal);

        string html = CheckReportRenderer.Render(report, ReportFormat.Html);
        Assert.Contains("<h2 id=\"store-h\">Matches with stored documents (" + report.StoreMatches.Length + ")</h2>", html, StringComparison.Ordinal);
        Assert.Contains("1 of 1 stored document(s) compared", html, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(CheckReportRenderer.Render(report, ReportFormat.Json));
        var root = json.RootElement;
        Assert.Equal(CheckReport.Schema, root.GetProperty("schema").GetString());
        Assert.Equal(report.StoreMatches.Length, root.GetProperty("summary").GetProperty("store_matches").GetInt32());
        Assert.Equal(report.CheckedLinks.Length, root.GetProperty("summary").GetProperty("links_among_checked").GetInt32());
        var storeJson = root.GetProperty("store");
        Assert.Equal(1, storeJson.GetProperty("documents_compared").GetInt32());
        var docJson = Assert.Single(storeJson.GetProperty("documents").EnumerateArray().ToList());
        Assert.Equal(stored.Title, docJson.GetProperty("title").GetString());
        string storedId = docJson.GetProperty("id").GetString()!;
        Assert.Contains(root.GetProperty("links").EnumerateArray(),
            l => l.GetProperty("a").GetProperty("file").GetString() == storedId || l.GetProperty("b").GetProperty("file").GetString() == storedId);
    }

    [Fact]
    public void Should_say_without_a_store_nothing_about_stored_documents()
    {
        var report = new Checker(new CheckerOptions { Time = new FixedTime(Fixed) }).CheckFiles(De1, De2, En);
        Assert.Null(report.Store);
        Assert.Empty(report.StoreMatches);
        Assert.Equal(Keys(report.Links), Keys(report.CheckedLinks));
        Assert.DoesNotContain("Matches with stored documents", CheckReportRenderer.Render(report, ReportFormat.Text), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(CheckReportRenderer.Render(report, ReportFormat.Json));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("store").ValueKind);
    }

    [Fact]
    public void Should_give_the_same_links_among_the_checked_documents_whatever_the_store_holds()
    {
        var alone = new Checker(new CheckerOptions { Time = new FixedTime(Fixed) }).CheckFiles(De1, De2);
        string db = TempDb();
        CheckerFor(db).CheckFiles(En);
        var withStore = CheckerFor(db).CheckFiles(De1, De2);
        Assert.NotEmpty(withStore.StoreMatches);
        Assert.Equal(Keys(alone.Links), Keys(withStore.CheckedLinks));
        Assert.Equal(alone.Support.Select(x => (x.ClaimId, x.ReferenceId, x.Type, x.Score)), withStore.Support.Select(x => (x.ClaimId, x.ReferenceId, x.Type, x.Score)));
    }

    [Fact]
    public void Should_not_compare_a_rechecked_html_page_with_its_own_stored_copy()
    {
        string db = TempDb();
        string page = SharedData.Fixture("pages/river-festival.html");
        var first = CheckerFor(db).CheckFiles(page);
        Assert.NotEmpty(first.Documents[0].Claims);
        var again = CheckerFor(db).CheckFiles(page);
        Assert.Equal(0, again.Store!.DocumentsInStore);
        Assert.Empty(again.Store.ComparedDocuments);
        Assert.Empty(again.StoreMatches);
        using var store = SourceCheckStore.Open(db);
        Assert.Equal(1, store.Stats().Documents);
    }

    [Fact]
    public void Should_list_no_claim_without_its_text()
    {
        string db = TempDb();
        CheckerFor(db).CheckFiles(En);
        var report = CheckerFor(db).CheckFiles(De1, De2);
        Assert.All(report.Support, s => Assert.False(string.IsNullOrWhiteSpace(report.FindClaim(s.ClaimId)?.Text), s.ClaimId));
        Assert.All(report.Links, l => Assert.False(string.IsNullOrWhiteSpace(l.A.Text) || string.IsNullOrWhiteSpace(l.B.Text)));
        // every link touches a checked claim (two stored claims linked to each other say nothing about these articles)
        Assert.All(report.Links, l => Assert.True(report.IsReportDocument(l.A.DocumentId) || report.IsReportDocument(l.B.DocumentId)));
        using var json = JsonDocument.Parse(CheckReportRenderer.Render(report, ReportFormat.Json));
        Assert.All(json.RootElement.GetProperty("support").EnumerateArray(), s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("claim_text").GetString())));
    }

    [Fact]
    public void Should_give_identical_json_when_the_same_files_are_checked_twice_with_the_same_store()
    {
        string db = TempDb();
        CheckerFor(db).CheckFiles(En);
        string first = CheckReportRenderer.Render(CheckerFor(db).CheckFiles(De1, De2), ReportFormat.Json);
        string second = CheckReportRenderer.Render(CheckerFor(db).CheckFiles(De1, De2), ReportFormat.Json);
        Assert.Equal(first, second);

        // a fresh store built the same way gives the same report too (paths aside)
        string other = TempDb();
        CheckerFor(other).CheckFiles(En);
        string fresh = CheckReportRenderer.Render(CheckerFor(other).CheckFiles(De1, De2), ReportFormat.Json);
        Assert.Equal(first.Replace(db, "DB", StringComparison.Ordinal), fresh.Replace(other, "DB", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_leave_out_a_link_rejected_in_review_and_show_a_relabelled_link_with_its_new_type()
    {
        string db = TempDb();
        var before = CheckerFor(db).CheckFiles(De1, De2, En);
        Assert.True(before.Links.Length >= 2);
        var rejected = before.Links[0];
        var relabelled = before.Links[1];
        var newType = relabelled.Type == LinkType.Paraphrase ? LinkType.Translation : LinkType.Paraphrase;
        long relabelledId;
        using (var store = SourceCheckStore.Open(db))
        {
            store.SetReview(StoredLinkId(store, rejected), ReviewStatus.Rejected);
            relabelledId = StoredLinkId(store, relabelled);
            store.SetReview(relabelledId, ReviewStatus.Accepted, newType);
        }

        var after = CheckerFor(db).CheckFiles(De1, De2, En);
        Assert.Equal(before.Links.Length - 1, after.Links.Length);
        Assert.DoesNotContain(after.Links, l => SamePair(l, rejected));
        var shown = Assert.Single(after.Links, l => SamePair(l, relabelled));
        Assert.Equal(newType, shown.Type);
        Assert.Equal(1, after.Store!.RejectedInReview);
        Assert.Equal(1, after.Store.RelabelledInReview);
        Assert.Contains("1 link(s) rejected in review left out", CheckReportRenderer.Render(after, ReportFormat.Text), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(CheckReportRenderer.Render(after, ReportFormat.Json));
        Assert.Contains(json.RootElement.GetProperty("links").EnumerateArray(),
            l => l.GetProperty("type").GetString() == newType.ToName() && l.GetProperty("a").GetProperty("claim").GetString() == shown.A.Id);
        Assert.Equal(after.Links.Length, json.RootElement.GetProperty("summary").GetProperty("links").GetInt32());

        using var reopened = SourceCheckStore.Open(db);
        // the rejected pair was not stored again as a fresh open link, and trace shows the reviewer's type
        Assert.DoesNotContain(reopened.ListLinks(ReviewStatus.Open), d => d.A.Claim.Id == rejected.A.Id && d.B.Claim.Id == rejected.B.Id
            || d.A.Claim.Id == rejected.B.Id && d.B.Claim.Id == rejected.A.Id);
        var trace = reopened.Trace(relabelled.A.Text);
        Assert.Contains(trace.Claims.SelectMany(c => c.Links), t => t.LinkId == relabelledId && t.Type == newType);
    }

    private static List<string> Keys(IEnumerable<ClaimLink> links) => [.. links.Select(l => $"{l.A.Id}|{l.B.Id}|{l.Type.ToName()}|{l.Score}")];

    private static bool SamePair(ClaimLink l, ClaimLink other) =>
        (l.A.Id == other.A.Id && l.B.Id == other.B.Id) || (l.A.Id == other.B.Id && l.B.Id == other.A.Id);

    private static long StoredLinkId(SourceCheckStore store, ClaimLink link)
    {
        long a = store.ClaimByReportId(link.A.Id)!.Id;
        long b = store.ClaimByReportId(link.B.Id)!.Id;
        return store.GetLinks(a).First(l => l.Other(a) == b && l.Type == link.Type).Id;
    }
}
