using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SourceCheck.References.Parsing;

/// <summary>The learned part of the reference parser: a first-order linear-chain model over tokens whose
/// emission weights live in a hashed table (bucket × label) and whose transitions are a label × label
/// matrix. Decoding is Viterbi; confidences come from max-marginals (a forward and a backward max pass)
/// turned into a softmax with a calibrated temperature.
///
/// Why this model: an averaged structured perceptron gives a weight vector of the same form as a CRF
/// (so decoding costs the same), trains in one pass per epoch without gradients or line searches
/// (seconds per epoch on this data), and on field tagging its accuracy is within a point of a CRF.
/// With ~30 hashed features per token and 21 labels, scoring a token is 30 vector adds of a 24-float row
/// and Viterbi is 21×21 per token — tens of microseconds per reference.</summary>
internal sealed class TaggerModel
{
    private const uint Magic = 0x31505253; // "SRP1"

    public TaggerModel(int bucketBits, float[] emission, float[] transitions, float temperature)
    {
        BucketBits = bucketBits;
        Emission = emission;
        Transitions = transitions;
        Temperature = temperature;
    }

    private TaggerModel(int bucketBits, object tableOwner, nint table, float scale, float[] transitions, float temperature)
    {
        BucketBits = bucketBits;
        Emission = [];
        _qOwner = tableOwner;
        _q = table;
        _qScale = scale;
        Transitions = transitions;
        Temperature = temperature;
    }

    /// <summary>Largest quantised weight: with at most <see cref="FeatureExtractor.MaxPerToken"/> features
    /// per token, a sum of int16 weights cannot overflow.</summary>
    private const int QuantLimit = 32000 / FeatureExtractor.MaxPerToken;

    /// <summary>Row width (int8 cells) of the in-memory table: 32 bytes, two rows per cache line.</summary>
    private const int QStride = 32;

    // Loaded models keep the emission table as int8 rows of 32 bytes (bucket × 32): a token's score is ~30
    // random row reads, so the table's size, not arithmetic, sets the speed. The table lives outside the GC's
    // reach: in the binary's own image (the embedded ready-to-use table, mapped, never copied) or in a pinned
    // array (a model read from a .bin file); _qOwner keeps that memory alive, _q is the address of row 0.
    private readonly object? _qOwner;
    private readonly nint _q;
    private readonly float _qScale;

    public int BucketBits { get; }

    public int BucketMask => (1 << BucketBits) - 1;

    /// <summary>bucket × <see cref="TagLabels.Stride"/> weights.</summary>
    public float[] Emission { get; }

    /// <summary>(Count + 1) × Count: row y' = previous label, last row = start.</summary>
    public float[] Transitions { get; }

    public float Temperature { get; set; }

    public static TaggerModel Empty(int bucketBits) =>
        new(bucketBits, new float[(1 << bucketBits) * TagLabels.Stride], new float[(TagLabels.Count + 1) * TagLabels.Count], 1f);

    /// <summary>Scores of every label at every token: n × Stride.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Emissions(FeatureBuffer buf, float[] scores)
    {
        if (_qOwner is not null)
        {
            QuantisedEmissions(buf, scores);
            return;
        }

        int n = buf.Count;
        var w = Emission;
        var feats = buf.Features;
        var offsets = buf.Offsets;
        for (int t = 0; t < n; t++)
        {
            var row = scores.AsSpan(t * TagLabels.Stride, TagLabels.Stride);
            row.Clear();
            for (int k = offsets[t]; k < offsets[t + 1]; k++)
            {
                int baseIndex = feats[k] * TagLabels.Stride;
                var src = w.AsSpan(baseIndex, TagLabels.Stride);
                var dst = MemoryMarshal.Cast<float, Vector256<float>>(row);
                var s = MemoryMarshal.Cast<float, Vector256<float>>(src);
                dst[0] += s[0];
                dst[1] += s[1];
                dst[2] += s[2];
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void QuantisedEmissions(FeatureBuffer buf, float[] scores) =>
        QuantisedEmissions(buf.Features, buf.Offsets, buf.Count, scores);

    /// <summary>Emission scores of <paramref name="n"/> tokens from their feature buckets (quantised models only).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal unsafe void QuantisedEmissions(int[] feats, int[] offsets, int n, float[] scores)
    {
        ref sbyte table = ref Unsafe.AsRef<sbyte>((void*)_q);
        var scale = Vector256.Create(_qScale);
        var outV = MemoryMarshal.Cast<float, Vector256<float>>(scores.AsSpan(0, n * TagLabels.Stride));
        for (int t = 0; t < n; t++)
        {
            var acc0 = Vector256<short>.Zero;
            var acc1 = Vector256<short>.Zero;
            for (int k = offsets[t]; k < offsets[t + 1]; k++)
            {
                var (w0, w1) = Vector256.Widen(Vector256.LoadUnsafe(ref table, (nuint)feats[k] * QStride));
                acc0 += w0;
                acc1 += w1;
            }

            var (lo, hi) = Vector256.Widen(acc0);
            var (lo1, _) = Vector256.Widen(acc1);
            outV[t * 3] = Vector256.ConvertToSingle(lo) * scale;
            outV[t * 3 + 1] = Vector256.ConvertToSingle(hi) * scale;
            outV[t * 3 + 2] = Vector256.ConvertToSingle(lo1) * scale;
        }
    }

    private float[] _trT = [];
    private float[] _trP = [];
    private float[] _start = [];

    /// <summary>Rebuilds the padded transition tables the decoder reads (call after changing
    /// <see cref="Transitions"/>): <c>_trT[y*S+p]</c> = score of p→y, <c>_trP[p*S+q]</c> = score of p→q,
    /// padding cells at −∞ so that vector maxima ignore them.</summary>
    public void RefreshTransitions()
    {
        const int L = TagLabels.Count;
        const int S = TagLabels.Stride;
        if (_trT.Length == 0)
        {
            _trT = new float[S * S];
            _trP = new float[S * S];
            _start = new float[S];
        }

        Array.Fill(_trT, NegInf);
        Array.Fill(_trP, NegInf);
        Array.Fill(_start, NegInf);
        var tr = Transitions;
        for (int p = 0; p < L; p++)
        {
            for (int y = 0; y < L; y++)
            {
                _trT[y * S + p] = tr[p * L + y];
                _trP[p * S + y] = tr[p * L + y];
            }
        }

        for (int y = 0; y < L; y++)
        {
            _start[y] = tr[L * L + y];
        }
    }

    private const float NegInf = -1e30f;

    /// <summary>Viterbi decoding; fills <paramref name="labels"/> and, when given, per-token confidences.
    /// The inner max over previous labels runs on 8-float vectors (3 per row of 24).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Decode(FeatureBuffer buf, int[] labels, float[]? confidence, DecodeScratch scratch)
    {
        int n = buf.Count;
        if (n == 0)
        {
            return;
        }

        if (_trT.Length == 0)
        {
            RefreshTransitions();
        }

        const int L = TagLabels.Count;
        const int S = TagLabels.Stride;
        scratch.Ensure(n);
        var emit = scratch.Emit;
        Emissions(buf, emit);
        for (int t = 0; t < n; t++)
        {
            // padding labels can never win
            emit[t * S + 21] = NegInf;
            emit[t * S + 22] = NegInf;
            emit[t * S + 23] = NegInf;
        }

        var alpha = scratch.Alpha;
        var back = scratch.Back;
        var emitV = MemoryMarshal.Cast<float, Vector256<float>>(emit.AsSpan(0, n * S));
        var alphaV = MemoryMarshal.Cast<float, Vector256<float>>(alpha.AsSpan(0, n * S));
        var trTV = MemoryMarshal.Cast<float, Vector256<float>>(_trT.AsSpan());
        var startV = MemoryMarshal.Cast<float, Vector256<float>>(_start.AsSpan());
        for (int v = 0; v < 3; v++)
        {
            alphaV[v] = emitV[v] + startV[v];
        }

        // Forward pass, vectorised over the current label: for each previous label p (ascending), the row
        // p→* of transition scores plus alpha[t-1][p] is compared with the running maximum; a strictly
        // greater score replaces it and records p, so ties keep the smallest p — the same maxima and the
        // same back-pointers as a per-label scan, in 21 × 3 vector steps per token.
        var trPV = MemoryMarshal.Cast<float, Vector256<float>>(_trP.AsSpan());
        var backV = MemoryMarshal.Cast<byte, Vector64<byte>>(back.AsSpan(0, n * S));
        var negV = Vector256.Create(NegInf);
        // the inner loop reads through refs (no bounds checks): p < L, rows p*3..p*3+2 of the S×S table
        ref float alphaRef = ref MemoryMarshal.GetArrayDataReference(alpha);
        ref Vector256<float> trPRef = ref MemoryMarshal.GetReference(trPV);
        for (int t = 1; t < n; t++)
        {
            int prev = (t - 1) * S;
            ref float alphaPrev = ref Unsafe.Add(ref alphaRef, prev);
            var m0 = Vector256.Create(-float.MaxValue);
            var m1 = m0;
            var m2 = m0;
            var i0 = Vector256<int>.Zero;
            var i1 = i0;
            var i2 = i0;
            for (int p = 0; p < L; p++)
            {
                var a = Vector256.Create(Unsafe.Add(ref alphaPrev, p));
                var pi = Vector256.Create(p);
                ref Vector256<float> row = ref Unsafe.Add(ref trPRef, p * 3);
                var s0 = a + row;
                var s1 = a + Unsafe.Add(ref row, 1);
                var s2 = a + Unsafe.Add(ref row, 2);
                var g0 = Vector256.GreaterThan(s0, m0);
                var g1 = Vector256.GreaterThan(s1, m1);
                var g2 = Vector256.GreaterThan(s2, m2);
                m0 = Vector256.ConditionalSelect(g0, s0, m0);
                m1 = Vector256.ConditionalSelect(g1, s1, m1);
                m2 = Vector256.ConditionalSelect(g2, s2, m2);
                i0 = Vector256.ConditionalSelect(g0.AsInt32(), pi, i0);
                i1 = Vector256.ConditionalSelect(g1.AsInt32(), pi, i1);
                i2 = Vector256.ConditionalSelect(g2.AsInt32(), pi, i2);
            }

            int cv = t * 3;
            alphaV[cv] = m0 + emitV[cv];
            alphaV[cv + 1] = m1 + emitV[cv + 1];
            alphaV[cv + 2] = Vector256.ConditionalSelect(PadMask, negV, m2 + emitV[cv + 2]);
            backV[cv] = Narrow(i0);
            backV[cv + 1] = Narrow(i1);
            backV[cv + 2] = Narrow(i2);
        }

        int last = (n - 1) * S;
        int bestLabel = 0;
        for (int y = 1; y < L; y++)
        {
            if (alpha[last + y] > alpha[last + bestLabel])
            {
                bestLabel = y;
            }
        }

        labels[n - 1] = bestLabel;
        for (int t = n - 1; t > 0; t--)
        {
            labels[t - 1] = back[t * S + labels[t]];
        }

        if (confidence is null)
        {
            return;
        }

        // Confidence of the chosen label at t: a two-way softmax (calibrated temperature) between the best
        // path through it and the best path through any other label at t that rejoins the decoded path at
        // t+1 (alpha[t][y] + transition y→label[t+1]; the rest of the path is common to all y). This is
        // one vector pass per token instead of a full backward max-marginal pass, for the same ranking in
        // practice.
        float inv = 1f / Math.Max(Temperature, 1e-3f);
        var lane = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        var neg = Vector256.Create(NegInf);
        for (int t = 0; t < n; t++)
        {
            int v = t * 3;
            int chosen = labels[t];
            var m0 = alphaV[v];
            var m1 = alphaV[v + 1];
            var m2 = alphaV[v + 2];
            if (t + 1 < n)
            {
                int r = labels[t + 1] * 3;
                m0 += trTV[r];
                m1 += trTV[r + 1];
                m2 += trTV[r + 2];
            }

            float top = chosen < 8 ? m0.GetElement(chosen) : chosen < 16 ? m1.GetElement(chosen - 8) : m2.GetElement(chosen - 16);
            m0 = Vector256.ConditionalSelect(Vector256.Equals(lane, Vector256.Create(chosen)).AsSingle(), neg, m0);
            m1 = Vector256.ConditionalSelect(Vector256.Equals(lane, Vector256.Create(chosen - 8)).AsSingle(), neg, m1);
            m2 = Vector256.ConditionalSelect(Vector256.Equals(lane, Vector256.Create(chosen - 16)).AsSingle(), neg, m2);
            float second = HorizontalMax(Vector256.Max(Vector256.Max(m0, m1), m2));
            float margin = (top - second) * inv;
            confidence[t] = margin > 30 ? 1f : 1f / (1f + MathF.Exp(-margin));
        }
    }

    /// <summary>Lanes 21–23 of the third vector of a row (padding labels).</summary>
    private static readonly Vector256<float> PadMask = Vector256.Create(0, 0, 0, 0, 0, -1, -1, -1).AsSingle();

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector64<byte> Narrow(Vector256<int> v)
    {
        var s = Vector256.Narrow(v, v);           // int → short, element order kept
        return Vector256.Narrow(s, s).AsByte().GetLower().GetLower(); // short → byte (values 0..20)
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static float HorizontalMax(Vector256<float> v)
    {
        var m = Vector128.Max(v.GetLower(), v.GetUpper());
        m = Vector128.Max(m, Vector128.Shuffle(m, Vector128.Create(2, 3, 0, 1)));
        m = Vector128.Max(m, Vector128.Shuffle(m, Vector128.Create(1, 0, 3, 2)));
        return m.ToScalar();
    }

    // ------------------------------------------------------------------ storage
    // Format: magic, bucket bits, label count, temperature, scale, transitions (float32), then the
    // emission table quantised to int16 (weight / scale), written sparsely as (gap, value) pairs of
    // non-zero cells and deflate-compressed. Loading is one decompression pass over a few MB.

    public void Save(Stream stream)
    {
        using var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(deflate);
        w.Write(Magic);
        w.Write(BucketBits);
        w.Write(TagLabels.Count);
        w.Write(Temperature);
        float max = 0;
        foreach (float v in Emission)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        float scale = max > 0 ? max / QuantLimit : 1f;
        w.Write(scale);
        foreach (float v in Transitions)
        {
            w.Write(v);
        }

        int buckets = 1 << BucketBits;
        int lastIndex = -1;
        var cells = new List<(int Index, short Value)>();
        for (int b = 0; b < buckets; b++)
        {
            for (int y = 0; y < TagLabels.Count; y++)
            {
                short q = (short)Math.Round(Emission[b * TagLabels.Stride + y] / scale);
                if (q != 0)
                {
                    cells.Add((b * TagLabels.Count + y, q));
                }
            }
        }

        w.Write(cells.Count);
        foreach (var (index, value) in cells)
        {
            Write7Bit(w, (uint)(index - lastIndex));
            w.Write(value);
            lastIndex = index;
        }
    }

    // The ready-to-use table ("SRQ1"), the form the decoder reads: magic, bucket bits, label count,
    // temperature, scale of the int8 cells, transitions (float32), zero padding up to TableOffset, then
    // the int8 emission table itself, 2^bits rows of QStride bytes. It is what Load makes of a .bin model;
    // the library's build writes it from Resources/refparser/model.bin (SourceCheck.csproj, task
    // BakeReferenceParserTable) and embeds it, so a process maps the table instead of rebuilding it.
    // All little-endian. A test checks that the embedded table equals Bake(model.bin) byte for byte.
    private const uint TableMagic = 0x31515253; // "SRQ1"

    /// <summary>Bytes before the int8 rows: header and transitions, padded to a cache line.</summary>
    internal const int TableOffset = 1920;

    public static TaggerModel Load(Stream stream)
    {
        var (buffer, start) = Bake(stream);
        return FromTable(buffer, start);
    }

    /// <summary>Turns a .bin model (sparse int16 cells, deflated) into the ready-to-use table: the bytes
    /// from <c>start</c> on, in a pinned array whose int8 rows begin on a 64-byte boundary.</summary>
    internal static (byte[] Buffer, int Start) Bake(Stream stream)
    {
        byte[] data;
        using (var deflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true))
        using (var ms = new MemoryStream())
        {
            deflate.CopyTo(ms);
            data = ms.ToArray();
        }

        ReadOnlySpan<byte> r = data;
        int pos = 0;
        uint ReadU32(ReadOnlySpan<byte> d)
        {
            uint v = BinaryPrimitives.ReadUInt32LittleEndian(d[pos..]);
            pos += 4;
            return v;
        }

        if (data.Length < 24 || ReadU32(r) != Magic)
        {
            throw new InvalidDataException("not a SourceCheck reference-parser model");
        }

        int bits = (int)ReadU32(r);
        int labels = (int)ReadU32(r);
        if (labels != TagLabels.Count || bits is < 8 or > 24)
        {
            throw new InvalidDataException("reference-parser model does not match this label set");
        }

        uint temperatureBits = ReadU32(r);
        float scale = BitConverter.UInt32BitsToSingle(ReadU32(r));
        int transitionBytes = (labels + 1) * labels * 4;
        var transitions = r.Slice(pos, transitionBytes);
        pos += transitionBytes;

        // In memory the weights are int8 (rescaled from the file's int16): 32-byte rows, 8 MB for 2^18
        // buckets, so that the table stays in the last-level cache; sums of ≤ 48 int8 weights fit int16.
        int count = (int)ReadU32(r);
        var indices = new int[count];
        var cells = new short[count];
        int index = -1;
        int maxAbs = 1;
        for (int i = 0; i < count; i++)
        {
            uint gap = 0;
            int shift = 0;
            byte b;
            do
            {
                b = r[pos++];
                gap |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);

            index += (int)gap;
            short q = BinaryPrimitives.ReadInt16LittleEndian(r[pos..]);
            pos += 2;
            indices[i] = index;
            cells[i] = q;
            maxAbs = Math.Max(maxAbs, Math.Abs((int)q));
        }

        // a pinned array (never moved) whose int8 rows start on a 64-byte boundary
        int size = TableOffset + (1 << bits) * QStride;
        var buffer = GC.AllocateArray<byte>(size + 64, pinned: true);
        int misalign = (int)((AddressOf(buffer) + TableOffset) & 63);
        int start = misalign == 0 ? 0 : 64 - misalign;
        var head = buffer.AsSpan(start, TableOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(head, TableMagic);
        BinaryPrimitives.WriteInt32LittleEndian(head[4..], bits);
        BinaryPrimitives.WriteInt32LittleEndian(head[8..], labels);
        BinaryPrimitives.WriteUInt32LittleEndian(head[12..], temperatureBits);
        float factor = 127f / maxAbs;
        BinaryPrimitives.WriteSingleLittleEndian(head[16..], scale / factor);
        transitions.CopyTo(head[20..]);
        var table = buffer.AsSpan(start + TableOffset, size - TableOffset);
        for (int i = 0; i < count; i++)
        {
            int bucket = indices[i] / labels;
            int at = bucket * QStride + indices[i] - bucket * labels;
            if ((uint)at >= (uint)table.Length)
            {
                throw new InvalidDataException("reference-parser model is corrupt");
            }

            table[at] = (byte)(sbyte)Math.Clamp((int)MathF.Round(cells[i] * factor), -127, 127);
        }

        return (buffer, start);
    }

    private static unsafe nint AddressOf(byte[] pinned) => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));

    /// <summary>A model over a ready-to-use table in a pinned array (from <see cref="Bake"/>).</summary>
    internal static unsafe TaggerModel FromTable(byte[] pinned, int start) =>
        FromTable(pinned, AddressOf(pinned) + start, pinned.Length - start);

    /// <summary>A model over the ready-to-use table embedded in the library (no copy: the decoder reads
    /// the binary's mapped image, so only the rows a parse touches are ever paged in).</summary>
    internal static unsafe TaggerModel FromTable(Stream stream)
    {
        if (stream is UnmanagedMemoryStream mapped)
        {
            return FromTable(mapped, (nint)mapped.PositionPointer, mapped.Length - mapped.Position);
        }

        var copy = GC.AllocateArray<byte>((int)stream.Length + 64, pinned: true);
        int misalign = (int)((AddressOf(copy) + TableOffset) & 63);
        int start = misalign == 0 ? 0 : 64 - misalign;
        stream.ReadExactly(copy, start, (int)stream.Length);
        return FromTable(copy, start);
    }

    private static unsafe TaggerModel FromTable(object owner, nint address, long length)
    {
        var head = new ReadOnlySpan<byte>((void*)address, (int)Math.Min(length, TableOffset));
        if (head.Length < TableOffset || BinaryPrimitives.ReadUInt32LittleEndian(head) != TableMagic)
        {
            throw new InvalidDataException("not a SourceCheck reference-parser table");
        }

        int bits = BinaryPrimitives.ReadInt32LittleEndian(head[4..]);
        int labels = BinaryPrimitives.ReadInt32LittleEndian(head[8..]);
        if (labels != TagLabels.Count || bits is < 8 or > 24 || length < TableOffset + ((long)QStride << bits))
        {
            throw new InvalidDataException("reference-parser table does not match this label set");
        }

        float temperature = BinaryPrimitives.ReadSingleLittleEndian(head[12..]);
        float scale = BinaryPrimitives.ReadSingleLittleEndian(head[16..]);
        var transitions = new float[(labels + 1) * labels];
        for (int i = 0; i < transitions.Length; i++)
        {
            transitions[i] = BinaryPrimitives.ReadSingleLittleEndian(head[(20 + 4 * i)..]);
        }

        var model = new TaggerModel(bits, owner, address + TableOffset, scale, transitions, temperature);
        model.RefreshTransitions();
        return model;
    }

    private static void Write7Bit(BinaryWriter w, uint v)
    {
        while (v >= 0x80)
        {
            w.Write((byte)(v | 0x80));
            v >>= 7;
        }

        w.Write((byte)v);
    }

    private static uint Read7Bit(BinaryReader r)
    {
        uint v = 0;
        int shift = 0;
        while (true)
        {
            byte b = r.ReadByte();
            v |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return v;
            }

            shift += 7;
        }
    }
}

/// <summary>Per-thread decoding buffers.</summary>
internal sealed class DecodeScratch
{
    public float[] Emit = new float[128 * TagLabels.Stride];
    public float[] Alpha = new float[128 * TagLabels.Stride];
    public byte[] Back = new byte[128 * TagLabels.Stride];

    public void Ensure(int n)
    {
        int size = n * TagLabels.Stride;
        if (Emit.Length < size)
        {
            int s = Math.Max(size, Emit.Length * 2);
            Emit = new float[s];
            Alpha = new float[s];
            Back = new byte[s];
        }
    }
}
