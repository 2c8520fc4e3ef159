namespace SourceCheck.Diagnostics;

/// <summary>The one catalogue of diagnostic codes. Ranges: SC1xxx input formats (JSON/YAML/BibTeX/RIS),
/// SC2xxx reference detection and parsing, SC3xxx CSL styles and locales, SC4xxx documents and claims,
/// SC5xxx verification and fetching, SC6xxx storage.</summary>
internal static class DiagnosticCodes
{
    // SC1xxx: input formats
    public const string InvalidJson = "SC1001";
    public const string NotAnArray = "SC1002";
    public const string ItemNotObject = "SC1003";
    public const string MissingId = "SC1004";
    public const string BadFieldValue = "SC1005";
    public const string InvalidYaml = "SC1010";
    public const string BibTexSyntax = "SC1020";
    public const string BibTexUnbalanced = "SC1021";
    public const string BibTexUnknownMacro = "SC1022";
    public const string BibTexMissingCrossref = "SC1023";
    public const string RisSyntax = "SC1030";
    public const string FieldNotRepresentable = "SC1040";
    public const string BinaryInput = "SC1050";
    public const string InputTooLarge = "SC1051";
    public const string InputNotFound = "SC1052";
    public const string InputIsDirectory = "SC1053";
    public const string InputUnreadable = "SC1054";
    public const string InputEmpty = "SC1055";
    public const string InvalidEncoding = "SC1056";
    public const string NestedTooDeep = "SC1057";
    public const string OutputNotWritable = "SC1058";

    // SC2xxx: references
    public const string NoBibliographyFound = "SC2001";
    public const string UnparsedReference = "SC2002";
    public const string LowConfidenceField = "SC2003";
    public const string DuplicateMerged = "SC2010";
    public const string BackReferenceNote = "SC2011";
    public const string ReferenceWithoutTitle = "SC2050";
    public const string ReferenceTruncated = "SC2051";
    public const string ParserModelUnavailable = "SC2052";

    // SC3xxx: CSL styles and locales
    public const string CslXmlSyntax = "SC3001";
    public const string CslUnknownElement = "SC3002";
    public const string CslBadAttributeValue = "SC3003";
    public const string CslMissingAttribute = "SC3004";
    public const string CslMissingMacro = "SC3005";
    public const string CslMissingElement = "SC3006";
    public const string CslDuplicateMacro = "SC3007";
    public const string CslMacroRecursion = "SC3008";
    public const string CslMissingParent = "SC3009";
    public const string CslStyleNotFound = "SC3010";
    public const string CslLocaleNotFound = "SC3011";
    public const string CslExpansionBudget = "SC3012";
    public const string CslBadLocale = "SC3013";
    public const string CslOutputBudget = "SC3014";
    public const string CslItemNotFound = "SC3020";

    // SC4xxx: documents and claims
    public const string HtmlWithoutBody = "SC4001";
    public const string ClaimPairsSkipped = "SC4010";
    public const string RegexUnitsSkipped = "SC4011";

    // SC5xxx: verification and fetching
    public const string FetchFailed = "SC5001";

    // SC6xxx: storage
    public const string StoreUnavailable = "SC6001";
    public const string StoreNotADatabase = "SC6002";
    public const string StoreSchemaTooNew = "SC6003";
    public const string StoreBusy = "SC6004";
    public const string StoreReadOnly = "SC6005";
    public const string StoreCorrupt = "SC6006";
}
