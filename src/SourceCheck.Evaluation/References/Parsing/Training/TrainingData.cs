using System.Text;
using System.Text.Json;

namespace SourceCheck.References.Parsing.Training;

/// <summary>One labelled reference of the shared data sets: text plus gold fields (names as lists, every
/// other field as one string; "-alt" fields as lists).</summary>
public sealed record LabelledReference(string Id, string Source, string Text, IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, string Json = "")
{
    public bool IsNews => Source.Contains("news", StringComparison.Ordinal);
}

/// <summary>Reads the JSONL data sets and splits them deterministically by a hash of the id.</summary>
public static class TrainingData
{
    public static List<LabelledReference> Read(string path)
    {
        var list = new List<LabelledReference>();
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var fields = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (root.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in f.EnumerateObject())
                {
                    var values = new List<string>();
                    if (p.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var v in p.Value.EnumerateArray())
                        {
                            values.Add(v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText());
                        }
                    }
                    else if (p.Value.ValueKind == JsonValueKind.String)
                    {
                        values.Add(p.Value.GetString()!);
                    }
                    else
                    {
                        values.Add(p.Value.GetRawText());
                    }

                    fields[p.Name] = values;
                }
            }

            list.Add(new LabelledReference(
                root.GetProperty("id").ToString(),
                root.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "",
                root.GetProperty("text").GetString() ?? "",
                fields,
                line.Trim()));
        }

        return list;
    }

    /// <summary>A stable bucket 0..99 from the id (FNV-1a over UTF-8), so that the split never changes.</summary>
    public static int Bucket(string id)
    {
        uint h = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(id))
        {
            h = (h ^ b) * 16777619;
        }

        return (int)(h % 100);
    }

    /// <summary>Validation split of the scholarly data: bucket &lt; 15 (15 %).</summary>
    public static bool IsValidation(string id) => Bucket(id) < 15;

    /// <summary>Part carved in session 9 out of what had been the training part: bucket 15..23. It was held out
    /// for session 9's estimate and scored then; the shipped model was trained on it, so it is training data again
    /// (kept as a name for the bench's <c>REFPARSE_HELDOUT9=1</c> figure, which is no longer a held-out score).</summary>
    public static bool IsSession9Part(string id) => Bucket(id) is >= 15 and < 24;

    /// <summary>Part carved in session 10: bucket 24..32. It was scored once, at the end of session 10, and is dev
    /// data since session 11 (the bench scores it with <c>REFPARSE_DEV10=1</c>; out of sample only for a model trained
    /// with <c>REFPARSE_ESTIMATE=dev</c>).</summary>
    public static bool IsSession10Part(string id) => Bucket(id) is >= 24 and < 33;

    /// <summary>Held-out part carved in session 11, before any change of that session: bucket 33..41 (9 of the
    /// training buckets that every earlier model was trained on but no session scored or read). The estimate
    /// model is trained without it (<c>REFPARSE_ESTIMATE=1</c>) and it is scored once, at the end of a session
    /// (bench <c>refparse</c> with <c>REFPARSE_HELDOUT=1</c>).</summary>
    public static bool IsHeldOut(string id) => Bucket(id) is >= 33 and < 42;

    /// <summary>Held-out part carved in session 12, before any change of that session: bucket 42..50 (9 training
    /// buckets that every earlier model was trained on but no session scored or read). The estimate model is trained
    /// without it (<c>REFPARSE_ESTIMATE=1</c>) and it is scored once, at the end of a session (bench <c>refparse</c>
    /// with <c>REFPARSE_HELDOUT12=1</c>). The session-11 part (<see cref="IsHeldOut"/>) is dev data since then.</summary>
    public static bool IsHeldOut12(string id) => Bucket(id) is >= 42 and < 51;

    /// <summary>Held-out part carved in session 13, before any change of that session: bucket 51..59 (9 training
    /// buckets that every earlier model was trained on but no session scored or read). The estimate model is trained
    /// without it (<c>REFPARSE_ESTIMATE=1</c>) and it is scored once, at the end of a session (bench <c>refparse</c>
    /// with <c>REFPARSE_HELDOUT13=1</c>). The parts of sessions 11 and 12 are dev data since then.</summary>
    public static bool IsHeldOut13(string id) => Bucket(id) is >= 51 and < 60;

    /// <summary>Whether a scholarly record may be trained on: not validation; with
    /// <paramref name="estimate"/> also not the held-out parts of sessions 11, 12 and 13 (the model whose held-out figure
    /// is reported; the parts of sessions 11 and 12 stay out so that their figures remain out of sample, as dev figures); with
    /// <paramref name="dev"/> also not the session-10 part (a development model that can be scored on it).</summary>
    public static bool IsTraining(string id, bool estimate, bool dev = false) =>
        Bucket(id) >= 15 && !((estimate || dev) && (IsHeldOut(id) || IsHeldOut12(id) || IsHeldOut13(id))) && !(dev && IsSession10Part(id));

    /// <summary>News k-fold: fold of a news record (0..folds-1).</summary>
    public static int Fold(string id, int folds) => Bucket(id) % folds;
}
