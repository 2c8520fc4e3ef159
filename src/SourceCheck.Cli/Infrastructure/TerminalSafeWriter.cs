using System.Text;
using SourceCheck.Text;

namespace SourceCheck.Cli.Infrastructure;

/// <summary>The writer in front of the real standard output and error: control characters and escape sequences
/// from input are shown as control pictures (see <see cref="TerminalText"/>). When colour is on, plain colour
/// sequences (<c>ESC[…m</c>, the only kind the console library writes) pass; every other sequence (titles, screen
/// clearing, cursor moves, OSC 8 links) is neutralised. JSON output is unaffected: its encoder escapes controls already.</summary>
public sealed class TerminalSafeWriter(TextWriter inner, bool allowColor) : TextWriter
{
    private const int MaxSequence = 64;
    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => inner.Encoding;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // the base setter accepts null; the inner writer handles it
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        if (_pending.Length > 0)
        {
            _pending.Append(value);
            if (_pending.Length == 2 && value != '[')
            {
                FlushPending(asText: true);
                return;
            }

            if (_pending.Length > 2 && value is >= '@' and <= '~')
            {
                bool color = allowColor && value == 'm' && IsColorParameters(_pending);
                FlushPending(asText: !color);
            }
            else if (_pending.Length >= MaxSequence)
            {
                FlushPending(asText: true);
            }

            return;
        }

        if (value == '\u001B')
        {
            _pending.Append(value);
            return;
        }

        inner.Write(TerminalText.IsControl(value) ? TerminalText.Picture(value) : value);
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        if (_pending.Length == 0 && !HasControl(value))
        {
            inner.Write(value);
            return;
        }

        foreach (char c in value)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(NewLine);
    }

    public override void Flush()
    {
        FlushPending(asText: true);
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool HasControl(string value)
    {
        foreach (char c in value)
        {
            if (TerminalText.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsColorParameters(StringBuilder sequence)
    {
        for (int i = 2; i < sequence.Length - 1; i++)
        {
            if (!(char.IsAsciiDigit(sequence[i]) || sequence[i] == ';'))
            {
                return false;
            }
        }

        return true;
    }

    private void FlushPending(bool asText)
    {
        if (_pending.Length == 0)
        {
            return;
        }

        string s = _pending.ToString();
        _pending.Clear();
        if (!asText)
        {
            inner.Write(s);
            return;
        }

        foreach (char c in s)
        {
            inner.Write(TerminalText.IsControl(c) ? TerminalText.Picture(c) : c);
        }
    }
}
