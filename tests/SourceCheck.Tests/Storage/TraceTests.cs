using System.Text.Json;
using SourceCheck.Claims;
using SourceCheck.Storage;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Storage;

public sealed class TraceTests
{
    private static (TestStore Tmp, Dictionary<string, long> Ids) Seeded(string backend, bool linkEnglish)
    {
        var tmp = StoreBackends.Open(backend);
        var store = tmp.Store;
        var (early, late, english) = StoreTestData.Story();
        var ids = new Dictionary<string, long>();
        foreach (var doc in new[] { early, late, english })
        {
            foreach (var (k, v) in StoreTestData.Ingest(store, doc).ClaimIds)
            {
                ids[k] = v;
            }
        }

        if (linkEnglish)
        {
            store.AddLink(ids["late.txt-c1"], ids["english.txt-c1"], LinkType.Translation, 0.61, ["governments = Regierungen"]);
        }

        return (tmp, ids);
    }

    public sealed class Trace
    {
        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_find_every_claim_that_says_it_and_order_outlets_by_date(string backend)
        {
            var (tmp, ids) = Seeded(backend, linkEnglish: false);
            using var _ = tmp;
            var store = tmp.Store;
            var result = store.Trace("Regierungen sollten eigene KI-Infrastruktur aufbauen");
            Assert.Equal([ids["early.txt-c1"], ids["late.txt-c1"]], result.Claims.Select(c => c.Claim.Id).ToArray());
            Assert.All(result.Claims, c => Assert.True(c.MatchedByText));

            var speaker = Assert.Single(result.Speakers);
            Assert.Equal("Sam Altman", speaker.Speaker);
            var channel = Assert.Single(speaker.Channels);
            Assert.Equal("X (post)", channel.Channel);
            // The outlet the early article credits comes first, then the stored outlets by date.
            Assert.Equal(["Zeit", "Morgenblatt", "Abendpost"], channel.Outlets.Select(o => o.Outlet).ToArray());
            Assert.Null(channel.Outlets[0].Document);
            Assert.Equal(["Morgenblatt"], channel.Outlets[0].CreditedBy.ToArray());
            Assert.Equal(["Zeit"], channel.Outlets[1].Credits.ToArray());
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_follow_stored_links_transitively_but_not_rejected_ones(string backend)
        {
            var (tmp, ids) = Seeded(backend, linkEnglish: true);
            using var _ = tmp;
            var store = tmp.Store;
            var result = store.Trace("Regierungen sollten eigene KI-Infrastruktur aufbauen");
            var english = Assert.Single(result.Claims, c => c.Claim.Id == ids["english.txt-c1"]);
            Assert.False(english.MatchedByText);
            Assert.Equal(1, english.Depth);
            var link = Assert.Single(english.Links);
            Assert.Equal(LinkType.Translation, link.Type);
            Assert.Equal(ids["late.txt-c1"], link.OtherClaimId);
            // By date the English wire story (2025-11-06) is the first stored outlet.
            var outlets = result.Speakers[0].Channels[0].Outlets.Where(o => o.Document is not null).Select(o => o.Outlet).ToArray();
            Assert.Equal(["Daily Wire Service", "Morgenblatt", "Abendpost"], outlets);

            store.SetReview(link.LinkId, ReviewStatus.Rejected);
            Assert.DoesNotContain(store.Trace("Regierungen sollten eigene KI-Infrastruktur aufbauen").Claims, c => c.Claim.Id == ids["english.txt-c1"]);
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_start_from_a_claim_id(string backend)
        {
            var (tmp, ids) = Seeded(backend, linkEnglish: true);
            using var _ = tmp;
            var store = tmp.Store;
            var result = store.Trace("#" + ids["english.txt-c1"]);
            Assert.Equal(ids["english.txt-c1"], result.SeedClaimId);
            // English words do not match the German claims; the link reaches late, and late's words do not matter.
            Assert.Contains(result.Claims, c => c.Claim.Id == ids["late.txt-c1"]);
            Assert.Contains(result.Claims, c => c.Claim.Id == ids["english.txt-c1"]);
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_find_claims_holding_just_enough_terms_among_many_that_share_common_ones(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            var sentences = Enumerable.Range(0, 150)
                .Select(i => ($"Regierungen wollen Straßen aufbauen, Nummer {i}.", (string?)null, (string?)null, (string?)null))
                .Append(("Die Regierungen sollen KI aufbauen.", null, null, null))
                .Append(("Eigene Infrastruktur für alle.", null, null, null))
                .Append(("Eigene Infrastruktur sollen Regierungen planen.", null, null, null));
            var doc = StoreTestData.Make("many.txt", "Blatt", "2025-11-10", "de", sentences);
            var ids = StoreTestData.Ingest(store, doc).ClaimIds;
            var found = store.Trace("Regierungen sollten eigene KI-Infrastruktur aufbauen").Claims.Select(c => c.Claim.Id).ToHashSet();
            // 3 of 5 terms (regierung*, ki, aufbau*): found although two of them are in 151 claims.
            Assert.Contains(ids["many.txt-c151"], found);
            // 3 of 5 (eigen*, infrastruktur*, regierung*).
            Assert.Contains(ids["many.txt-c153"], found);
            // 2 of 5 are not enough.
            Assert.DoesNotContain(ids["many.txt-c1"], found);
            Assert.DoesNotContain(ids["many.txt-c152"], found);
            Assert.Equal(2, found.Count);
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_not_match_claims_sharing_only_one_term(string backend)
        {
            var (tmp, _) = Seeded(backend, linkEnglish: false);
            using var _ = tmp;
            var store = tmp.Store;
            Assert.Empty(store.Trace("Bürgschaften für Banken in Hamburg").Claims);
            Assert.Empty(store.Trace("und oder der").Claims);
        }
    }

    public sealed class Command
    {
        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_print_the_chain_as_a_tree(string backend)
        {
            var (tmp, _) = Seeded(backend, linkEnglish: true);
            using var _ = tmp;
            var r = CliRunner.RunWith(tmp.Environment, null, null, "trace", "Regierungen sollten eigene KI-Infrastruktur aufbauen", "--db", tmp.Location);
            Assert.Equal(0, r.ExitCode);
            string[] order = ["Sam Altman", "X (post)", "first Zeit", "then Daily Wire Service", "then Morgenblatt", "then Abendpost"];
            int at = 0;
            foreach (string part in order)
            {
                int next = r.Out.IndexOf(part, at, StringComparison.Ordinal);
                Assert.True(next >= 0, $"'{part}' missing after offset {at} in:\n{r.Out}");
                at = next;
            }

            Assert.Contains("translation", r.Out, StringComparison.Ordinal);
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_write_versioned_json(string backend)
        {
            var (tmp, ids) = Seeded(backend, linkEnglish: false);
            using var _ = tmp;
            var r = CliRunner.RunWith(tmp.Environment, null, null, "trace", "Regierungen eigene KI-Infrastruktur aufbauen", "--db", tmp.Location, "--json");
            Assert.Equal(0, r.ExitCode);
            using var json = JsonDocument.Parse(r.Out);
            var root = json.RootElement;
            Assert.Equal("sourcecheck-trace/1", root.GetProperty("schema").GetString());
            Assert.Equal(2, root.GetProperty("claims_found").GetInt32());
            var outlets = root.GetProperty("chains")[0].GetProperty("channels")[0].GetProperty("outlets");
            Assert.Equal("Zeit", outlets[0].GetProperty("outlet").GetString());
            Assert.False(outlets[0].GetProperty("stored").GetBoolean());
            var claim = outlets[1].GetProperty("claims")[0];
            Assert.Equal(ids["early.txt-c1"], claim.GetProperty("id").GetInt64());
            Assert.Equal("Zeit", claim.GetProperty("reporting_outlet").GetString());
            Assert.Equal("text", claim.GetProperty("matched_by").GetString());
        }

        [Fact]
        public void Should_report_nothing_found_on_stderr_and_create_the_default_store()
        {
            using var tmp = new TempDb();
            string dataHome = Path.Combine(tmp.Folder, "xdg");
            var env = new SourceCheck.Cli.Infrastructure.CliEnvironment
            {
                In = new StringReader(string.Empty),
                Out = new StringWriter(),
                Error = new StringWriter(),
                GetEnvironmentVariable = name => name == "XDG_DATA_HOME" ? dataHome : null,
            };
            int code = SourceCheck.Cli.Infrastructure.CliApp.Run(["trace", "Regierungen bauen"], env);
            Assert.Equal(0, code);
            Assert.Contains("no stored claim says this", env.Error.ToString(), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dataHome, "sourcecheck", "sourcecheck.db")));
        }
    }

    public sealed class SeedArticles
    {
        [SkippableFact]
        public void Should_trace_the_infrastructure_claim_across_both_seed_articles()
        {
            string folder = SharedData.Require("seeds");
            using var tmp = new TempDb();
            using var store = tmp.Open();
            var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToArray();
            Skip.If(files.Length < 2, "seed articles missing");
            var docIds = new List<long>();
            foreach (string file in files)
            {
                string text = File.ReadAllText(file);
                var claims = ClaimExtractor.Extract(text, Path.GetFileName(file), "de");
                docIds.Add(store.Ingest(new DocumentInput(file, text) { Language = "de" }, [], claims.ToList()).DocumentId);
            }

            var result = store.Trace("Regierungen sollten eigene KI-Infrastruktur aufbauen");
            foreach (long id in docIds)
            {
                Assert.Contains(result.Claims, c => c.Document.Id == id && c.MatchedByText);
            }
        }
    }
}
