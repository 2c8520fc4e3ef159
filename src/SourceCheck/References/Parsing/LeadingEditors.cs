namespace SourceCheck.References.Parsing;

/// <summary>After decoding: names that open a reference are its authors unless the reference says
/// otherwise. The tagger sometimes labels an opening name list as editors ("Doe, Jane (3 May 2010). …"
/// when the held-out part was taken out of training); without an editor word anywhere in the reference
/// ("(Ed.)", "eds.", "Hrsg.", "edited", … — <see cref="WordClass.EditorLabel"/>) nothing supports that, so the
/// opening editor run becomes the author run (name starts kept).</summary>
internal static class LeadingEditors
{
    public static void Relabel(WordClass[] classes, int[] labels, int count)
    {
        int first = 0;
        while (first < count && labels[first] is TagLabels.O or TagLabels.CitationNumber)
        {
            first++;
        }

        if (first >= count || labels[first] != TagLabels.EditorB)
        {
            return;
        }

        for (int k = 0; k < count; k++)
        {
            if ((classes[k] & WordClass.EditorLabel) != 0)
            {
                return;
            }
        }

        for (int k = first; k < count && labels[k] is TagLabels.EditorB or TagLabels.Editor; k++)
        {
            labels[k] = labels[k] == TagLabels.EditorB ? TagLabels.AuthorB : TagLabels.Author;
        }
    }
}
