namespace SourceCheck.References.Parsing;

/// <summary>What the assembler found, for choosing a CSL type.</summary>
internal readonly record struct TypeEvidence(
    string? Container,
    string? Genre,
    string? Title,
    bool HasVolume,
    bool HasIssue,
    bool HasPages,
    bool HasDoi,
    bool HasUrl,
    bool HasPublisher,
    bool HasLocation,
    bool HasEditor,
    bool HasEdition,
    bool DayOrMonthDate,
    bool InBeforeContainer,
    bool CorporateAuthor,
    string LowerText);

/// <summary>Rules from fields to a CSL item type: genre words first ("[Blog post]" → post-weblog, "[Video]"
/// → motion_picture, podcast → broadcast, "[Post]" → post), encyclopedias, theses, conference papers,
/// reports; then a container with volume/issue/DOI → article-journal, a container with editors or
/// publisher after "In" → chapter, a container with a day/month date or outlet words → article-newspaper
/// (article-magazine for magazine-like names); without a container: publisher → book (report for a
/// corporate author with a URL), URL → webpage.</summary>
internal static class TypeInference
{
    public static string Infer(in TypeEvidence e)
    {
        string genre = e.Genre?.ToLowerInvariant() ?? string.Empty;
        string container = e.Container?.ToLowerInvariant() ?? string.Empty;
        string text = e.LowerText;
        if (genre.Length > 0)
        {
            if (genre.Contains("blog", StringComparison.Ordinal))
            {
                return "post-weblog";
            }

            if (genre.Contains("video", StringComparison.Ordinal) || genre.Contains("film", StringComparison.Ordinal))
            {
                return "motion_picture";
            }

            if (genre.Contains("podcast", StringComparison.Ordinal) || genre.Contains("audio", StringComparison.Ordinal) || genre.Contains("radio", StringComparison.Ordinal))
            {
                return "broadcast";
            }

            if (genre is "post" or "tweet" or "status update" || genre.Contains("tweet", StringComparison.Ordinal))
            {
                return "post";
            }

            if (genre.Contains("press release", StringComparison.Ordinal) || genre.Contains("pressemitteilung", StringComparison.Ordinal))
            {
                return "report";
            }

            if (genre.Contains("thesis", StringComparison.Ordinal) || genre.Contains("dissertation", StringComparison.Ordinal))
            {
                return "thesis";
            }

            if (genre.Contains("report", StringComparison.Ordinal))
            {
                return "report";
            }
        }

        if (container.Contains("wikipedia", StringComparison.Ordinal) || container.Contains("encyclop", StringComparison.Ordinal)
            || container.Contains("lexikon", StringComparison.Ordinal) || container.Contains("enzyklop", StringComparison.Ordinal))
        {
            return "entry-encyclopedia";
        }

        if (ContainsWord(text, "thesis") || ContainsWord(text, "dissertation") || ContainsWord(text, "diss") || text.Contains("ph.d.", StringComparison.Ordinal)
            || ContainsWord(text, "phd") || ContainsWord(text, "diplomarbeit") || ContainsWord(text, "masterarbeit"))
        {
            return "thesis";
        }

        if (container.Length > 0 && (ContainsWord(container, "proceedings") || ContainsWord(container, "proc") || ContainsWord(container, "conference")
            || ContainsWord(container, "symposium") || ContainsWord(container, "workshop") || ContainsWord(container, "congress") || ContainsWord(container, "conf")))
        {
            return "paper-conference";
        }

        if (container.Length == 0 && (ContainsWord(text, "report") || text.Contains("working paper", StringComparison.Ordinal) || text.Contains("tech. rep", StringComparison.Ordinal)
            || ContainsWord(text, "memorandum") || text.Contains("white paper", StringComparison.Ordinal)))
        {
            return "report";
        }

        if (container.Length > 0)
        {
            if (e.HasEditor || (e.InBeforeContainer && (e.HasPublisher || e.HasLocation) && !e.HasVolume))
            {
                return "chapter";
            }

            if (e.HasVolume || e.HasIssue || e.HasDoi)
            {
                return "article-journal";
            }

            if (e.HasPublisher && !e.DayOrMonthDate)
            {
                return "chapter";
            }

            if (e.DayOrMonthDate || e.HasUrl || IsOutletName(container))
            {
                return IsMagazine(container) ? "article-magazine" : "article-newspaper";
            }

            return "article-journal";
        }

        if (e.HasPublisher || e.HasLocation || e.HasEdition)
        {
            return e.CorporateAuthor && e.HasUrl ? "report" : "book";
        }

        if (e.HasUrl)
        {
            return "webpage";
        }

        return "article";
    }

    private static bool IsOutletName(string container)
    {
        foreach (var w in container.Split([' ', '.', ',', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if ((Lexicon.ClassOf(w) & WordClass.Outlet) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMagazine(string container) =>
        ContainsWord(container, "magazine") || ContainsWord(container, "magazin") || ContainsWord(container, "economist")
        || ContainsWord(container, "weekly") || ContainsWord(container, "new yorker") || ContainsWord(container, "atlantic")
        || ContainsWord(container, "spiegel") || ContainsWord(container, "stern") || ContainsWord(container, "wired");

    private static bool ContainsWord(string text, string word)
    {
        int i = 0;
        while ((i = text.IndexOf(word, i, StringComparison.Ordinal)) >= 0)
        {
            bool left = i == 0 || !char.IsLetter(text[i - 1]);
            int end = i + word.Length;
            bool right = end >= text.Length || !char.IsLetter(text[end]);
            if (left && right)
            {
                return true;
            }

            i = end;
        }

        return false;
    }
}
