using System.Text;
using System.Text.Json.Nodes;
using SourceCheck.Tests.Support;
using SourceCheck.Documents.Web;
using SourceCheck.References;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

public sealed class FixtureTests
{
    public static TheoryData<string> Ids => [.. WebFixtures.Ids, .. WebFixtures.ValIds];

    private static FetchResult OfflineFetch(WebFixtures.Fixture f, bool forceOk = false)
    {
        int[] chain = forceOk ? [200] : f.StatusChain;
        var hops = new List<FetchHop>();
        for (int i = 0; i < chain.Length; i++)
        {
            bool last = i == chain.Length - 1;
            hops.Add(new FetchHop(i == 0 ? f.RequestedUrl : f.FinalUrl, chain[i], last ? null : f.FinalUrl));
        }

        return new FetchResult
        {
            RequestedUrl = f.RequestedUrl, FinalUrl = f.FinalUrl, Status = chain[^1], Chain = hops, ContentType = "text/html",
            Body = Encoding.UTF8.GetBytes(f.Html),
        };
    }

    private static string[] Pairs(IEnumerable<Finding> findings) =>
        findings.Select(x => $"{x.Field}/{x.Type.ToName()}").Distinct().Order(StringComparer.Ordinal).ToArray();

    private static string[] Expected(WebFixtures.Fixture f) => f.Expected.Select(x => $"{x.Field}/{x.Type}").Order(StringComparer.Ordinal).ToArray();

    public sealed class KindNames
    {
        [Fact]
        public void Should_give_every_kind_one_name_that_reads_back()
        {
            var kinds = Enum.GetValues<FindingKind>();
            var names = kinds.Select(k => k.ToName()).ToArray();

            Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
            Assert.All(kinds, k => Assert.Equal(k, FindingKindNames.Parse(k.ToName())));
            Assert.All(names, n => Assert.Matches("^[a-z]+(_[a-z]+)*$", n));
            Assert.Null(FindingKindNames.Parse("DeadLink"));
            Assert.Equal("dead_link", FindingKind.DeadLink.ToName());
        }

        [SkippableTheory]
        [MemberData(nameof(Ids), MemberType = typeof(FixtureTests))]
        public void Should_know_every_finding_type_of_the_webmeta_gold(string id)
        {
            var f = WebFixtures.Load(id);

            Assert.All(f.Expected, e => Assert.NotNull(FindingKindNames.Parse(e.Type)));
        }
    }

    public sealed class Compare
    {
        [SkippableTheory]
        [MemberData(nameof(Ids), MemberType = typeof(FixtureTests))]
        public void Should_produce_exactly_the_expected_mismatches(string id)
        {
            var f = WebFixtures.Load(id);
            var fetch = OfflineFetch(f);
            var page = PageReader.Read(fetch.Body!, f.FinalUrl);

            var findings = ReferenceComparer.Compare(WebFixtures.CitedItem(f), fetch, page);

            Assert.Equal(Expected(f), Pairs(findings));
        }

        [SkippableFact]
        public void Should_detect_the_error_page_as_soft_404_when_served_with_status_200()
        {
            var f = WebFixtures.Load("en-404-soft");
            var fetch = OfflineFetch(f, forceOk: true);
            var page = PageReader.Read(fetch.Body!, f.FinalUrl);

            var findings = ReferenceComparer.Compare(WebFixtures.CitedItem(f), fetch, page);

            var dead = Assert.Single(findings);
            Assert.Equal(FindingKind.DeadLink, dead.Type);
            Assert.Contains("soft 404", dead.Page, StringComparison.Ordinal);
        }

        [SkippableFact]
        public void Should_give_cited_and_page_values_as_evidence()
        {
            var f = WebFixtures.Load("en-jsonld-author-array");
            var fetch = OfflineFetch(f);

            var finding = Assert.Single(ReferenceComparer.Compare(WebFixtures.CitedItem(f), fetch, PageReader.Read(fetch.Body!, f.FinalUrl)));

            Assert.Equal("Okonkow, A.", finding.Cited);
            Assert.Equal("Amara Okonkwo", finding.Page);
            Assert.Contains("json-ld", finding.Evidence, StringComparison.Ordinal);
        }

        [SkippableFact]
        public void Should_report_a_changed_headline_but_not_sentence_case()
        {
            var f = WebFixtures.Load("en-highwire-report-doi");
            var item = WebFixtures.CitedItem(f);
            var fetch = OfflineFetch(f);
            var page = PageReader.Read(fetch.Body!, f.FinalUrl);
            Assert.DoesNotContain(ReferenceComparer.Compare(item, fetch, page), x => x.Type == FindingKind.TitleChanged);

            item.SetString("title", "Cooling policies fail tenants in Northern Europe");
            var changed = Assert.Single(ReferenceComparer.Compare(item, fetch, page), x => x.Type == FindingKind.TitleChanged);
            Assert.Equal(FindingSeverity.Warning, changed.Severity);
        }
    }

    public sealed class OverHttp
    {
        /// <summary>Serves each fixture from Kestrel under /HOST/PATH, with the status chain of its http block
        /// (redirects pointing at the final URL's test address), fetches it with the guarded fetcher and maps the
        /// test URLs back before comparing.</summary>
        [SkippableTheory]
        [MemberData(nameof(Ids), MemberType = typeof(FixtureTests))]
        public async Task Should_produce_exactly_the_expected_mismatches_when_fetched(string id)
        {
            var f = WebFixtures.Load(id);
            await using var server = await TestWebServer.StartAsync();
            // https://HOST/PATH?Q is served at /HOST/PATH?Q and http://HOST/PATH at /http/HOST/PATH, so that an
            // http -> https upgrade of the same address is a real redirect between two test addresses.
            string ToTest(string url)
            {
                var u = new Uri(url);
                return server.Url((u.Scheme == Uri.UriSchemeHttp ? "/http/" : "/") + u.Host + u.PathAndQuery);
            }

            string FromTest(string url)
            {
                if (!url.StartsWith(server.BaseUrl + "/", StringComparison.Ordinal))
                {
                    return url;
                }

                string rest = url[(server.BaseUrl.Length + 1)..];
                return rest.StartsWith("http/", StringComparison.Ordinal) ? "http://" + rest[5..] : "https://" + rest;
            }

            int[] chain = f.StatusChain;
            string requested = ToTest(f.RequestedUrl);
            string final = ToTest(f.FinalUrl);
            if (chain.Length > 1)
            {
                server.Redirect(new Uri(requested).AbsolutePath, final, chain[0]);
            }

            server.Html(new Uri(final).AbsolutePath, f.Html, chain[^1]);
            using var fetcher = new PageFetcher(new AddressGuard(allowedOrigins: [server.Origin]));

            var fetched = await fetcher.FetchAsync(requested);
            var mapped = fetched with
            {
                RequestedUrl = FromTest(fetched.RequestedUrl),
                FinalUrl = fetched.FinalUrl is null ? null : FromTest(fetched.FinalUrl),
                Chain = fetched.Chain.Select(h => h with { Url = FromTest(h.Url), Location = h.Location is null ? null : FromTest(h.Location) }).ToList(),
            };
            var page = mapped.Body is { } body && mapped.Error == FetchErrorKind.None ? PageReader.Read(body, mapped.FinalUrl, mapped.Charset) : null;

            var findings = ReferenceComparer.Compare(WebFixtures.CitedItem(f), mapped, page);

            Assert.Equal(chain, fetched.Chain.Select(h => h.Status));
            Assert.Equal(Expected(f), Pairs(findings));
        }
    }

    public sealed class Through_the_reference_parser
    {
        /// <summary>Goes through <see cref="ReferenceParser.Parse"/> instead of the test splitter. Skips while the
        /// parser is the placeholder (no date parsed); a citation without authors (APA's no-author form) runs too.</summary>
        [SkippableTheory]
        [MemberData(nameof(Ids), MemberType = typeof(FixtureTests))]
        public void Should_produce_exactly_the_expected_mismatches_from_the_parsed_citation(string id)
        {
            var f = WebFixtures.Load(id);
            var parsed = ReferenceParser.Parse(f.Citation, id);
            Skip.If(parsed.Item.Issued is null, "ReferenceParser is still the placeholder");
            var fetch = OfflineFetch(f);
            var page = PageReader.Read(fetch.Body!, f.FinalUrl);

            var findings = ReferenceComparer.Compare(parsed.Item, fetch, page);

            Assert.Equal(Expected(f), Pairs(findings));
        }
    }

    public sealed class Through_the_cli
    {
        /// <summary>All fixtures/webmeta-val citations as one raw APA bibliography on stdin, checked by
        /// <c>sourcecheck verify --page-dir</c> against a folder whose pages.json gives each page's status chain.</summary>
        [Fact]
        public void Should_produce_exactly_the_expected_mismatches_for_a_raw_bibliography_and_a_page_dir()
        {
            var fixtures = WebFixtures.ValIds.Select(WebFixtures.Load).ToList();
            string dir = Path.Combine(Path.GetTempPath(), "sc-val-pages-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dir);
            try
            {
                var manifest = new JsonObject();
                foreach (var f in fixtures)
                {
                    string file = f.Id[WebFixtures.ValPrefix.Length..] + ".html";
                    File.WriteAllText(Path.Combine(dir, file), f.Html);
                    manifest[f.RequestedUrl] = new JsonObject
                    {
                        ["file"] = file, ["status"] = f.StatusChain[^1], ["final_url"] = f.FinalUrl, ["status_chain"] = new JsonArray([.. f.StatusChain.Select(x => (JsonNode)x)]),
                    };
                }

                File.WriteAllText(Path.Combine(dir, "pages.json"), manifest.ToJsonString());
                string bibliography = string.Join("\n\n", fixtures.Select(f => f.Citation));

                var r = CliRunner.Run(bibliography, "verify", "-", "--page-dir", dir, "--json");

                Assert.Equal(0, r.ExitCode);
                var byUrl = JsonNode.Parse(r.Out)!["references"]!.AsArray().ToDictionary(x => (string)x!["url"]!, x => x!["findings"]!.AsArray()
                    .Select(n => $"{(string)n!["field"]!}/{(string)n["type"]!}").Distinct().Order(StringComparer.Ordinal).ToArray());
                Assert.Equal(fixtures.Count, byUrl.Count);
                Assert.All(fixtures, f => Assert.Equal(Expected(f), byUrl[f.RequestedUrl]));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
