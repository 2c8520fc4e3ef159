namespace SourceCheck.Text;

/// <summary>German and English function words: the evidence of <see cref="LanguageGuesser"/> and the words that
/// claim matching leaves out of content comparison (<c>Claims.Text.StopWords</c>).</summary>
internal static class FunctionWords
{
    public static readonly HashSet<string> English = new(
        ("a about above after again against all am an and any are as at be because been before being below between both but by " +
         "can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how " +
         "i if in into is it its itself just me more most my myself now of off on once only or other our ours ourselves out over own " +
         "same she should so some such than that the their theirs them themselves then there these they this those through to too under until up " +
         "very was we were what when where which while who whom why will with would you your yours yourself yourselves also s t d ll m re ve " +
         "said says say told according would may might must shall 's").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    public static readonly HashSet<string> German = new(
        ("aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern anders auch auf aus bei bin bis bist " +
         "da damit dann das dass daß dasselbe dazu dein deine deinem deinen deiner deines dem demselben den denn denselben der derer derselbe derselben des desselben " +
         "dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines einig einige einigem einigen " +
         "einiger einiges einmal er es etwas euch euer eure eurem euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich " +
         "ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann können könnte " +
         "machen man manche manchem manchen mancher manches mein meine meinem meinen meiner meines mich mir mit muss musste nach noch nun nur ob oder ohne sehr sein " +
         "seine seinem seinen seiner seines selbst sich sie sind so solche solchem solchen solcher solches soll sollte sondern sonst über um und uns unsere unserem " +
         "unseren unser unseres unter viel vom von vor war waren warst was weg weil welche welchem welchen welcher welches wenn werde werden wie wieder wir wird wirst " +
         "wo würde würden zu zum zur zwar zwischen sagte sagt laut sei seien habe hätte wäre worden wurde wurden").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);
}
