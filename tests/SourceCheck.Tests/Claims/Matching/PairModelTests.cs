using SourceCheck.Claims.Matching;

namespace SourceCheck.Tests.Claims.Matching;

public sealed class PairModelTests
{
    /// <summary>Deterministic points on a grid in [0,1]²; label = the first coordinate lies in the middle band
    /// (0.3, 0.7) — not monotone, so no linear separator.</summary>
    private static (List<double[]> X, List<int> Y) Band()
    {
        var x = new List<double[]>();
        var y = new List<int>();
        for (int i = 0; i < 20; i++)
        {
            for (int j = 0; j < 20; j++)
            {
                double a = (i + 0.5) / 20, b = (j + 0.5) / 20;
                x.Add([a, b]);
                y.Add(a > 0.3 && a < 0.7 ? 1 : 0);
            }
        }

        return (x, y);
    }

    public sealed class BoostedTreesTrain
    {
        [Fact]
        public void Should_learn_an_interaction_a_linear_model_cannot()
        {
            var (x, y) = Band();
            var trees = BoostedTrees.Train(x, y, trees: 100, depth: 2, rate: 0.1, minLeaf: 5);
            int correct = x.Select((f, i) => (trees.Probability(f) >= 0.5 ? 1 : 0) == y[i] ? 1 : 0).Sum();
            var w = PairEvaluation.Train(x, y);
            int linear = x.Select((f, i) => (PairEvaluation.Predict(w, f) >= 0.5 ? 1 : 0) == y[i] ? 1 : 0).Sum();
            Assert.True(correct >= 0.95 * x.Count, $"trees {correct}/{x.Count}");
            Assert.True(linear <= 0.7 * x.Count, $"linear {linear}/{x.Count}");
        }

        [Fact]
        public void Should_round_trip_through_generated_source()
        {
            var (x, y) = Band();
            string source = BoostedTrees.Train(x, y, trees: 3, depth: 2, rate: 0.1, minLeaf: 5).ToCSharp("T", "M");
            Assert.Contains("internal static class T", source, StringComparison.Ordinal);
            Assert.Contains("public static readonly BoostedTrees M = new()", source, StringComparison.Ordinal);
            Assert.Contains("Threshold =", source, StringComparison.Ordinal);
        }
    }

    public sealed class LogisticTrain
    {
        [Fact]
        public void Should_weight_the_informative_feature()
        {
            var x = new List<double[]>();
            var y = new List<int>();
            for (int i = 0; i < 200; i++)
            {
                double informative = i / 199.0;
                double noise = (i * 37 % 200) / 199.0;
                x.Add([informative, noise]);
                y.Add(informative + (((i * 13) % 7) - 3) / 30.0 > 0.5 ? 1 : 0);
            }

            var w = PairEvaluation.Train(x, y);
            Assert.True(w[1] > 5 && Math.Abs(w[2]) < w[1] / 5, string.Join(", ", w));
        }
    }
}
