using SourceCheck.References;
using SourceCheck.References.Parsing;

namespace SourceCheck.Tests.References.Parsing;

public sealed class TaggerModelTests
{
    // invented references in several styles (people, outlets and titles made up for these tests)
    private static readonly string[] References =
    [
        "Marlow, T., & Quist, H. (2023, March 4). Harbour cranes return to the old quay. Northfield Courier.",
        "Brandt, Ilse; Okafor, Dayo: Wege durch das Moor. In: Jahrbuch für Landschaft 12 (2019), S. 33–58.",
        "Perrin J-C, Alvarez M. Tidal sediments of small estuaries. J Coast Geol. 2011;45(3):201-19. doi:10.1000/jcg.2011.045",
        "The Orchard Gazette Team. “Ten ways to prune a pear tree.” Orchard Gazette, 18 Sept. 2024, https://orchard-gazette.example/pear-pruning.",
        "[4] K. Lindqvist, \"Sparse lattices for fast decoding,\" in Proc. Workshop on Small Models, Oslo, 2020, pp. 1–9.",
        "Hollis, R. (1998). A history of the lamp-makers' guild (2nd ed.). Fenwick & Sons.",
        "o. V. (2021): Neue Brücke über die Sieg eröffnet. Siegtal-Bote, 07.05.2021, abgerufen am 9. Mai 2021.",
        "Álvarez, Lucía. «El puerto de invierno». Diario del Sur, 3 de febrero de 2022.",
    ];

    public sealed class Decode
    {
        [Fact]
        public void Should_choose_the_same_labels_as_a_plain_scalar_viterbi()
        {
            var model = ReferenceParser.Model;
            Assert.NotNull(model);
            const int L = TagLabels.Count;
            const int S = TagLabels.Stride;
            var tr = model!.Transitions;
            foreach (string text in References)
            {
                var buf = new FeatureBuffer();
                FeatureExtractor.Extract(text, buf, model.BucketMask);
                int n = buf.Count;
                var emit = new float[n * S];
                model.Emissions(buf, emit);

                // reference: per label, scan previous labels in order and keep the first maximum
                var alpha = new float[n * L];
                var back = new int[n * L];
                for (int y = 0; y < L; y++)
                {
                    alpha[y] = emit[y] + tr[L * L + y];
                }

                for (int t = 1; t < n; t++)
                {
                    for (int y = 0; y < L; y++)
                    {
                        float best = float.NegativeInfinity;
                        int arg = 0;
                        for (int p = 0; p < L; p++)
                        {
                            float s = alpha[(t - 1) * L + p] + tr[p * L + y];
                            if (s > best)
                            {
                                best = s;
                                arg = p;
                            }
                        }

                        alpha[t * L + y] = best + emit[t * S + y];
                        back[t * L + y] = arg;
                    }
                }

                var expected = new int[n];
                for (int y = 1; y < L; y++)
                {
                    if (alpha[(n - 1) * L + y] > alpha[(n - 1) * L + expected[n - 1]])
                    {
                        expected[n - 1] = y;
                    }
                }

                for (int t = n - 1; t > 0; t--)
                {
                    expected[t - 1] = back[t * L + expected[t]];
                }

                var labels = new int[n];
                var confidence = new float[n];
                model.Decode(buf, labels, confidence, new DecodeScratch());
                Assert.Equal(expected, labels);
                Assert.All(confidence, c => Assert.InRange(c, 0f, 1f));
            }
        }
    }

    /// <summary>The ready-to-use table the build bakes (and the process maps) is the trainer's model.</summary>
    public sealed class ReadyToUseTable
    {
        private static byte[] Resource(string name)
        {
            using var stream = typeof(ReferenceParser).Assembly.GetManifestResourceStream(name);
            Assert.NotNull(stream);
            using var ms = new MemoryStream();
            stream!.CopyTo(ms);
            return ms.ToArray();
        }

        [Fact]
        public void Should_equal_the_model_byte_for_byte()
        {
            var baked = Resource(ReferenceParser.TableResource);
            using var model = new MemoryStream(Resource(ReferenceParser.ModelResource));
            var (buffer, start) = TaggerModel.Bake(model);
            Assert.True(baked.AsSpan().SequenceEqual(buffer.AsSpan(start, baked.Length)), "the embedded table differs from TaggerModel.Bake(model.bin): rebuild the library");
            Assert.Equal(buffer.Length - 64, baked.Length);
        }

        [Fact]
        public void Should_tag_as_the_model_read_from_its_file()
        {
            var mapped = ReferenceParser.Model;
            Assert.NotNull(mapped);
            var loaded = TaggerModel.Load(new MemoryStream(Resource(ReferenceParser.ModelResource)));
            Assert.Equal(loaded.BucketBits, mapped!.BucketBits);
            Assert.Equal(loaded.Transitions, mapped.Transitions);
            Assert.Equal(loaded.Temperature, mapped.Temperature);
            foreach (string text in References)
            {
                var buf = new FeatureBuffer();
                FeatureExtractor.Extract(text, buf, mapped.BucketMask);
                var a = new float[buf.Count * TagLabels.Stride];
                var b = new float[buf.Count * TagLabels.Stride];
                mapped.Emissions(buf, a);
                loaded.Emissions(buf, b);
                Assert.Equal(b, a);
                Assert.Contains(a, v => v != 0);
            }
        }

        [Fact]
        public void Should_refuse_a_table_that_is_not_one()
        {
            var baked = Resource(ReferenceParser.TableResource);
            var wrongMagic = (byte[])baked.Clone();
            wrongMagic[0] ^= 0xFF;
            Assert.Throws<InvalidDataException>(() => TaggerModel.FromTable(new MemoryStream(wrongMagic)));
            Assert.Throws<InvalidDataException>(() => TaggerModel.FromTable(new MemoryStream(baked[..(baked.Length / 2)])));
        }
    }
}
