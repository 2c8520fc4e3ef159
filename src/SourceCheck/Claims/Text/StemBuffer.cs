using System.Text;

namespace SourceCheck.Claims.Text;

/// <summary>Suffix tests on the word buffer the Snowball-style stemmers edit in place.</summary>
internal static class StemBuffer
{
    public static bool EndsWith(this StringBuilder w, string suffix)
    {
        if (w.Length < suffix.Length)
        {
            return false;
        }

        int offset = w.Length - suffix.Length;
        for (int i = 0; i < suffix.Length; i++)
        {
            if (w[offset + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }
}
