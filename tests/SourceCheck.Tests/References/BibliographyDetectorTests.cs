using System.Text.Json;
using SourceCheck.References;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.References;

public sealed class BibliographyDetectorTests
{
    private static string[] Entries(string text) =>
        BibliographyDetector.Detect(text).SelectMany(b => b.Entries).Select(e => e.Text).ToArray();

    public sealed class Detect
    {
        [SkippableFact]
        public void Should_split_every_dev_block_exactly()
        {
            string path = SharedData.Require("refparse/blocks-dev.json");
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var block in doc.RootElement.EnumerateArray())
            {
                string text = block.GetProperty("text").GetString()!;
                var expected = block.GetProperty("entries").EnumerateArray().Select(e => e.GetString()!).ToArray();
                var actual = Entries(text);
                Assert.True(expected.SequenceEqual(actual),
                    $"{block.GetProperty("id").GetString()}:\nexpected:\n{string.Join("\n", expected)}\nactual:\n{string.Join("\n", actual)}");
            }
        }

        [SkippableFact]
        public void Should_find_ten_entries_in_the_seed_article_and_cut_the_glued_boilerplate()
        {
            string path = SharedData.Require("seeds/001_24f15e50664b9831.txt");
            var blocks = BibliographyDetector.Detect(File.ReadAllText(path));
            var block = Assert.Single(blocks);
            Assert.Equal("Bibliography", block.Heading);
            Assert.Equal(10, block.Entries.Length);
            Assert.StartsWith("The Tech Buzz Team. (2025, November 9).", block.Entries[0].Text, StringComparison.Ordinal);
            Assert.EndsWith("Common Dreams.", block.Entries[^1].Text, StringComparison.Ordinal);
            Assert.StartsWith("(2025, November 7). Sam Altman says", block.Entries[5].Text, StringComparison.Ordinal);
        }
    
        public static TheoryData<string, string[]> Cases => new()
        {
            {
                "Der Streit ging weiter.\nSources: • Harlow, P. (2024, March 3). Tides of change. Coastal Courier. • Orion Media Group. (2023). Annual report 2023. Orion Media.",
                ["Harlow, P. (2024, March 3). Tides of change. Coastal Courier.", "Orion Media Group. (2023). Annual report 2023. Orion Media."]
            },
            {
                "Die Zahlen sind umstritten. Quellen: - Brandt, L. (2024, 2. Mai). Neue Wege im Nahverkehr. Nordkurier. - (2024, 5. Mai). Streik beendet. Tagesblatt Süd.",
                ["Brandt, L. (2024, 2. Mai). Neue Wege im Nahverkehr. Nordkurier.", "(2024, 5. Mai). Streik beendet. Tagesblatt Süd."]
            },
            {
                "## References\n\n- Okoro, D. (2022). Lighthouses of the north. Harbor Press.\n- Vance, E., & Lund, M. (2021, July 4). Salt and signal. The Quay Gazette.\n  https://quaygazette.example/salt-signal\n",
                ["Okoro, D. (2022). Lighthouses of the north. Harbor Press.", "Vance, E., & Lund, M. (2021, July 4). Salt and signal. The Quay Gazette. https://quaygazette.example/salt-signal"]
            },
            {
                "References\n[1] A. Kimura and B. Sato, \"Sparse lattice codes,\" IEEE Trans. Inf. Theory, vol. 12, no. 3, pp. 1-9, 2019.\n[2] C. Diaz, \"Robust decoding for\nshort packets,\" in Proc. ICC, 2020, pp. 44-49.\n",
                ["[1] A. Kimura and B. Sato, \"Sparse lattice codes,\" IEEE Trans. Inf. Theory, vol. 12, no. 3, pp. 1-9, 2019.", "[2] C. Diaz, \"Robust decoding for short packets,\" in Proc. ICC, 2020, pp. 44-49."]
            },
            {
                "Literaturverzeichnis\n(1) Krüger, H.: Die Stadt am Fluss. Berlin: Ufer Verlag, 2018.\n(2) Seidel, M.: Brücken bauen. In: Zeitschrift für Ortsgeschichte 4 (2020), S. 12–30.\n",
                ["(1) Krüger, H.: Die Stadt am Fluss. Berlin: Ufer Verlag, 2018.", "(2) Seidel, M.: Brücken bauen. In: Zeitschrift für Ortsgeschichte 4 (2020), S. 12–30."]
            },
            {
                "Works Cited\n\nAlvarez, Rosa. \u201cThe Long Road\n    Home.\u201d Valley Herald, 3 Oct. 2023, pp. 4-5.\n\nBishop, Carl. Winter Tales. Northfield Books, 2019.\n",
                ["Alvarez, Rosa. \u201cThe Long Road Home.\u201d Valley Herald, 3 Oct. 2023, pp. 4-5.", "Bishop, Carl. Winter Tales. Northfield Books, 2019."]
            },
            {
                "Referencias\nGómez, A. (2021). La ciudad invisible. Editorial Sur.\nPeña, L. (2020, 12 de mayo). El puerto despierta. Diario del Litoral.\n\nEste artículo fue escrito por la redacción y no representa la opinión de nadie en particular hoy.",
                ["Gómez, A. (2021). La ciudad invisible. Editorial Sur.", "Peña, L. (2020, 12 de mayo). El puerto despierta. Diario del Litoral."]
            },
            {
                "Further reading: - Ames, T. (2024). Bridges - old and new. Rivet Press. - Kline, O. (2023, June 1). Night trains return. Rail Daily.Subscribe to our newsletter for weekly updates on transport",
                ["Ames, T. (2024). Bridges - old and new. Rivet Press.", "Kline, O. (2023, June 1). Night trains return. Rail Daily."]
            },
            {
                "Marsh, I. (2020). Quiet rivers. Fen Books.\nOduya, K. (2021, May 2). Fishing rights debated. Lake Times. https://laketimes.example/fishing\nThe Data Desk. (n.d.). Water levels explained. Retrieved May 3, 2021, from https://datadesk.example/water\n",
                ["Marsh, I. (2020). Quiet rivers. Fen Books.", "Oduya, K. (2021, May 2). Fishing rights debated. Lake Times. https://laketimes.example/fishing", "The Data Desk. (n.d.). Water levels explained. Retrieved May 3, 2021, from https://datadesk.example/water"]
            },
            {
                "Bronnen\n1. Jansen, P. (2022). Dijken en duinen. Zeeuwse Krant.\n2. Visser, R. (2021). Het water komt. Uitgeverij Polder.\n",
                ["1. Jansen, P. (2022). Dijken en duinen. Zeeuwse Krant.", "2. Visser, R. (2021). Het water komt. Uitgeverij Polder."]
            },
            {
                "Einzelnachweise\n– Lorenz, F. (2019): Der lange Winter. In: Alpenblatt, 12.01.2019.\n– Weber, S. (2020): Schnee von gestern. In: Talzeitung, 03.02.2020, S. 7.\n",
                ["Lorenz, F. (2019): Der lange Winter. In: Alpenblatt, 12.01.2019.", "Weber, S. (2020): Schnee von gestern. In: Talzeitung, 03.02.2020, S. 7."]
            },
            {
                "Works Cited\nAlvarez, Rosa. \u201cThe Long Road Home.\u201d\n    Valley Herald, 3 Oct. 2023, pp. 4-5.\nBishop, Carl. Winter Tales.\n    Northfield Books, 2019.\n",
                ["Alvarez, Rosa. \u201cThe Long Road Home.\u201d Valley Herald, 3 Oct. 2023, pp. 4-5.", "Bishop, Carl. Winter Tales. Northfield Books, 2019."]
            },
            {
                "Quellen:\n• Lorenz, F. (2019): Der lange Winter.\nIn: Alpenblatt, 12.01.2019.\n• Weber, S. (2020): Schnee von gestern. In: Talzeitung, 03.02.2020.\nArtikel teilen\n",
                ["Lorenz, F. (2019): Der lange Winter. In: Alpenblatt, 12.01.2019.", "Weber, S. (2020): Schnee von gestern. In: Talzeitung, 03.02.2020."]
            },
            {
                "Sources: Harlow, P. (2024, March 3). Tides of change. Coastal Courier. • Orion Media Group. (2023). Annual report 2023. Orion Media.",
                ["Harlow, P. (2024, March 3). Tides of change. Coastal Courier.", "Orion Media Group. (2023). Annual report 2023. Orion Media."]
            },
            {
                "Endnotes\n1) Karen Olsen, \u201cFerry Service Suspended,\u201d Island Times, June 3, 2025.\n2) Ibid.\n3) Tom van Dijk, \u201cThe Night Boat,\u201d Harbour Post, June 4, 2025,\nhttps://harbourpost.example/night-boat.\n",
                ["1) Karen Olsen, \u201cFerry Service Suspended,\u201d Island Times, June 3, 2025.", "2) Ibid.", "3) Tom van Dijk, \u201cThe Night Boat,\u201d Harbour Post, June 4, 2025, https://harbourpost.example/night-boat."]
            },
            {
                "References\nNguyen, T. (2025, February 2).\nWhat the new rules mean for small newsrooms. Newsroom Notes.\nSantos, R. (2025, April 30). Inside the chip shortage. Business Ledger.\n",
                ["Nguyen, T. (2025, February 2). What the new rules mean for small newsrooms. Newsroom Notes.", "Santos, R. (2025, April 30). Inside the chip shortage. Business Ledger."]
            },
            {
                "Literatur (Auswahl)\n- Krüger, H. (2018). Die Stadt am Fluss. Ufer Verlag.\n- Seidel, M. (2020). Brücken bauen. Ortsverlag.\n",
                ["Krüger, H. (2018). Die Stadt am Fluss. Ufer Verlag.", "Seidel, M. (2020). Brücken bauen. Ortsverlag."]
            },
            {
                "Sources & References:\n[1] Ames, T. (2024). Bridges. Rivet Press.\n[2] Kline, O. (2023). Night trains. Rail Daily.\n",
                ["[1] Ames, T. (2024). Bridges. Rivet Press.", "[2] Kline, O. (2023). Night trains. Rail Daily."]
            },
            {
                "Quellen:\n• Lorenz, F. (2019): Der lange Winter. In: Alpenblatt, 12.01.2019, S. 4.Mehr zum Thema lesen Sie in unserem Dossier\n",
                ["Lorenz, F. (2019): Der lange Winter. In: Alpenblatt, 12.01.2019, S. 4."]
            },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Should_split_invented_blocks(string text, string[] expected)
        {
            var actual = Entries(text);
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void Should_handle_windows_line_endings()
        {
            const string text = "References\r\n\r\nNguyen, T. (2025, February 2). What the rules mean. Newsroom Notes.\r\nhttps://notes.example/rules\r\n\r\nSantos, R. (2025). Chips again. Ledger.\r\n";
            Assert.Equal(["Nguyen, T. (2025, February 2). What the rules mean. Newsroom Notes. https://notes.example/rules", "Santos, R. (2025). Chips again. Ledger."], Entries(text));
        }

        [Fact]
        public void Should_split_text_known_to_be_a_bibliography_without_heading()
        {
            var block = BibliographyDetector.Split("1. Okoro, D. Lighthouses. Harbor Press.\n2. Vance, E. Salt and signal. Quay Gazette.\n");
            Assert.Null(block.Heading);
            Assert.Equal(2, block.Entries.Length);
        }

        [Fact]
        public void Should_find_nothing_in_plain_prose()
        {
            Assert.Empty(BibliographyDetector.Detect("The council met on Tuesday. Notes were taken by the clerk.\nNothing else happened in 2024, said the mayor."));
        }

        [Fact]
        public void Should_not_take_an_article_with_years_for_a_reference_list()
        {
            const string text = "In 2024, the council approved the budget, which rose by 4 percent.\nThe mayor, elected in 2019, said the ferry would stay.\nCritics, however, pointed to the 2023 audit.\n";
            Assert.Empty(BibliographyDetector.Detect(text));
        }

        [Fact]
        public void Should_ignore_a_heading_word_followed_by_prose()
        {
            const string text = "Sources\nThe mayor said that the bridge would open next spring after long delays and many meetings with residents.\n";
            Assert.Empty(BibliographyDetector.Detect(text));
        }

        [Fact]
        public void Should_give_entry_spans_with_line_and_column()
        {
            const string text = "Intro line.\nReferences\n\nTull, A. (2020). Ropes. Knot Press.\nBane, C. (2021). Sails. Wind Books.\n";
            var block = Assert.Single(BibliographyDetector.Detect(text));
            Assert.Equal("References", block.Heading);
            Assert.Equal(2, block.Entries.Length);
            Assert.Equal(4, block.Entries[0].Span.Line);
            Assert.Equal(1, block.Entries[0].Span.Column);
            Assert.Equal(5, block.Entries[1].Span.Line);
            Assert.Equal("Bane, C. (2021). Sails. Wind Books.", text.Substring(block.Entries[1].Span.Start, block.Entries[1].Span.Length));
            Assert.Equal(2, block.Span.Line);
        }

        [Fact]
        public void Should_find_an_inline_heading_mid_line_with_its_column()
        {
            const string text = "Es bleibt spannend. Bibliography: - Rowe, T. (2025, May 1). A title. Outlet One. - Zhou, L. (2025). Other title. Outlet Two.";
            var block = Assert.Single(BibliographyDetector.Detect(text));
            Assert.Equal(1, block.Span.Line);
            Assert.Equal(21, block.Span.Column);
            Assert.Equal(2, block.Entries.Length);
        }
    }
}
