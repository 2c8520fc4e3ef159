using SourceCheck.Storage;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Storage;

/// <summary><see cref="IClaimStore.ListOutletAddresses"/>: the distinct (outlet, site) pairs verification learns outlets
/// from, one query on each backend instead of reading every document.</summary>
public sealed class StoreOutletTests
{
    private static IReadOnlyList<StoredDocument> Fill(IClaimStore store)
    {
        int n = 0;
        void Add(string source, string? outlet, string? date) =>
            StoreTestData.Ingest(store, StoreTestData.Make(source, outlet, date, "de", [($"Satz Nummer {++n} über {source}.", null, null, null)]));

        // dates out of ingest order: first appearance follows the documents' order (date, then ingest)
        Add("https://www.Lokalblatt.example/politik/1.html", "Lokalblatt", "2025-03-02");
        Add("http://lokalblatt.example:8080/x?y=1", "Lokalblatt", "2025-03-01");
        Add("HTTPS://WWW.LOKALBLATT.EXAMPLE/politik/2.html", "Lokalblatt", "2025-03-04");
        Add("https://kurier.example?id=7", "Kurier", null);
        Add("https://kurier.example#oben", "Kurier", "2025-03-03");
        Add("/home/user/article.txt", "Ohne Adresse", "2025-01-01");
        Add("ftp://files.example/a.txt", "Archiv", "2025-01-01");
        Add("https://www.lokalblatt.example/sport/3.html", "Lokalblatt Sport", "2025-03-05");
        Add("https://keiner.example/a", null, "2025-01-02");
        Add("https://lang.example/a", new string('L', StoredOutlets.MaxOutletLength + 1), "2025-01-03");
        Add("https://", "Leer", "2025-01-04");
        return store.ListDocuments();
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void Should_list_each_outlet_and_site_once_in_order_of_first_appearance(string backend)
    {
        using var tmp = StoreBackends.Open(backend);
        var documents = Fill(tmp.Store);
        (string, string)[] expected =
        [
            ("Lokalblatt", "http://lokalblatt.example:8080"),
            ("Lokalblatt", "http://www.lokalblatt.example"),
            ("Kurier", "http://kurier.example"),
            ("Lokalblatt Sport", "http://www.lokalblatt.example"),
        ];
        Assert.Equal(expected, tmp.Store.ListOutletAddresses());

        // the C# meaning (the interface's default for other stores) gives the same rows from every document
        Assert.Equal(expected, StoredOutlets.Distinct(documents));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void Should_teach_the_outlet_table_what_every_document_would(string backend)
    {
        using var tmp = StoreBackends.Open(backend);
        var documents = Fill(tmp.Store);
        var fromDocuments = OutletDirectory.Default();
        fromDocuments.AddKnown(documents.Select(d => (d.Outlet, (string?)d.Source)));
        var fromQuery = OutletDirectory.Default();
        fromQuery.AddKnown(tmp.Store.ListOutletAddresses().Select(p => ((string?)p.Outlet, (string?)p.Address)));

        foreach (string outlet in new[] { "Lokalblatt", "Kurier", "Lokalblatt Sport", "Ohne Adresse", "Archiv" })
        {
            Assert.Equal(fromDocuments.DomainsOf(outlet), fromQuery.DomainsOf(outlet));
        }

        Assert.Equal(fromDocuments.NamesOf("lokalblatt.example"), fromQuery.NamesOf("lokalblatt.example"));
        Assert.Equal(["lokalblatt.example"], fromQuery.DomainsOf("Lokalblatt"));
        Assert.Equal(["Lokalblatt", "Lokalblatt Sport"], fromQuery.NamesOf("lokalblatt.example"));
    }
}
