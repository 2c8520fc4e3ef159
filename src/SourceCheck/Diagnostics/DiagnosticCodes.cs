namespace SourceCheck.Diagnostics;

/// <summary>The one catalogue of diagnostic codes. Ranges: SC1xxx input formats (JSON/YAML/BibTeX/RIS),
/// SC2xxx reference detection and parsing, SC3xxx CSL styles and locales, SC4xxx documents and claims,
/// SC5xxx verification and fetching, SC6xxx storage.</summary>
public static class DiagnosticCodes
{
    // SC1xxx: input formats
    /// <summary>SC1001: Invalid JSON.</summary>
    public const string InvalidJson = "SC1001";
    /// <summary>SC1002: Not an array.</summary>
    public const string NotAnArray = "SC1002";
    /// <summary>SC1003: Item not object.</summary>
    public const string ItemNotObject = "SC1003";
    /// <summary>SC1004: Missing id.</summary>
    public const string MissingId = "SC1004";
    /// <summary>SC1005: Bad field value.</summary>
    public const string BadFieldValue = "SC1005";
    /// <summary>SC1010: Invalid YAML.</summary>
    public const string InvalidYaml = "SC1010";
    /// <summary>SC1020: BibTeX syntax.</summary>
    public const string BibTexSyntax = "SC1020";
    /// <summary>SC1021: BibTeX unbalanced.</summary>
    public const string BibTexUnbalanced = "SC1021";
    /// <summary>SC1022: BibTeX unknown macro.</summary>
    public const string BibTexUnknownMacro = "SC1022";
    /// <summary>SC1023: BibTeX missing crossref.</summary>
    public const string BibTexMissingCrossref = "SC1023";
    /// <summary>SC1030: RIS syntax.</summary>
    public const string RisSyntax = "SC1030";
    /// <summary>SC1040: Field not representable.</summary>
    public const string FieldNotRepresentable = "SC1040";
    /// <summary>SC1050: Binary input.</summary>
    public const string BinaryInput = "SC1050";
    /// <summary>SC1051: Input too large.</summary>
    public const string InputTooLarge = "SC1051";
    /// <summary>SC1052: Input not found.</summary>
    public const string InputNotFound = "SC1052";
    /// <summary>SC1053: Input is directory.</summary>
    public const string InputIsDirectory = "SC1053";
    /// <summary>SC1054: Input unreadable.</summary>
    public const string InputUnreadable = "SC1054";
    /// <summary>SC1055: Input empty.</summary>
    public const string InputEmpty = "SC1055";
    /// <summary>SC1056: Invalid encoding.</summary>
    public const string InvalidEncoding = "SC1056";
    /// <summary>SC1057: Nested too deep.</summary>
    public const string NestedTooDeep = "SC1057";
    /// <summary>SC1058: Output not writable.</summary>
    public const string OutputNotWritable = "SC1058";

    // SC2xxx: references
    /// <summary>SC2001: No bibliography found.</summary>
    public const string NoBibliographyFound = "SC2001";
    /// <summary>SC2002: Unparsed reference.</summary>
    public const string UnparsedReference = "SC2002";
    /// <summary>SC2003: Low confidence field.</summary>
    public const string LowConfidenceField = "SC2003";
    /// <summary>SC2010: Duplicate merged.</summary>
    public const string DuplicateMerged = "SC2010";
    /// <summary>SC2011: Back reference note.</summary>
    public const string BackReferenceNote = "SC2011";
    /// <summary>SC2050: Reference without title.</summary>
    public const string ReferenceWithoutTitle = "SC2050";
    /// <summary>SC2051: Reference truncated.</summary>
    public const string ReferenceTruncated = "SC2051";
    /// <summary>SC2052: Parser model unavailable.</summary>
    public const string ParserModelUnavailable = "SC2052";

    // SC3xxx: CSL styles and locales
    /// <summary>SC3001: CSL xml syntax.</summary>
    public const string CslXmlSyntax = "SC3001";
    /// <summary>SC3002: CSL unknown element.</summary>
    public const string CslUnknownElement = "SC3002";
    /// <summary>SC3003: CSL bad attribute value.</summary>
    public const string CslBadAttributeValue = "SC3003";
    /// <summary>SC3004: CSL missing attribute.</summary>
    public const string CslMissingAttribute = "SC3004";
    /// <summary>SC3005: CSL missing macro.</summary>
    public const string CslMissingMacro = "SC3005";
    /// <summary>SC3006: CSL missing element.</summary>
    public const string CslMissingElement = "SC3006";
    /// <summary>SC3007: CSL duplicate macro.</summary>
    public const string CslDuplicateMacro = "SC3007";
    /// <summary>SC3008: CSL macro recursion.</summary>
    public const string CslMacroRecursion = "SC3008";
    /// <summary>SC3009: CSL missing parent.</summary>
    public const string CslMissingParent = "SC3009";
    /// <summary>SC3010: CSL style not found.</summary>
    public const string CslStyleNotFound = "SC3010";
    /// <summary>SC3011: CSL locale not found.</summary>
    public const string CslLocaleNotFound = "SC3011";
    /// <summary>SC3012: CSL expansion budget.</summary>
    public const string CslExpansionBudget = "SC3012";
    /// <summary>SC3013: CSL bad locale.</summary>
    public const string CslBadLocale = "SC3013";
    /// <summary>SC3014: CSL output budget.</summary>
    public const string CslOutputBudget = "SC3014";
    /// <summary>SC3020: CSL item not found.</summary>
    public const string CslItemNotFound = "SC3020";

    // SC4xxx: documents and claims
    /// <summary>SC4001: HTML without body.</summary>
    public const string HtmlWithoutBody = "SC4001";
    /// <summary>SC4010: Claim pairs skipped.</summary>
    public const string ClaimPairsSkipped = "SC4010";
    /// <summary>SC4011: Regex units skipped.</summary>
    public const string RegexUnitsSkipped = "SC4011";

    // SC5xxx: verification and fetching
    /// <summary>SC5001: Fetch failed.</summary>
    public const string FetchFailed = "SC5001";

    // SC6xxx: storage
    /// <summary>SC6001: Store unavailable.</summary>
    public const string StoreUnavailable = "SC6001";
    /// <summary>SC6002: Store not adatabase.</summary>
    public const string StoreNotADatabase = "SC6002";
    /// <summary>SC6003: Store schema too new.</summary>
    public const string StoreSchemaTooNew = "SC6003";
    /// <summary>SC6004: Store busy.</summary>
    public const string StoreBusy = "SC6004";
    /// <summary>SC6005: Store read only.</summary>
    public const string StoreReadOnly = "SC6005";
    /// <summary>SC6006: Store corrupt.</summary>
    public const string StoreCorrupt = "SC6006";
}
