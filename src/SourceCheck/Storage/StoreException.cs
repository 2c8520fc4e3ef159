namespace SourceCheck.Storage;

/// <summary>The database cannot be used (not an SQLite file, written by a newer SourceCheck, not writable).
/// <see cref="Code"/> is an SC6xxx diagnostic code.</summary>
public sealed class StoreException : Exception
{
    public StoreException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public StoreException()
        : this(Diagnostics.DiagnosticCodes.StoreUnavailable, "the store is unavailable")
    {
    }

    public StoreException(string message)
        : this(Diagnostics.DiagnosticCodes.StoreUnavailable, message)
    {
    }

    public StoreException(string message, Exception inner)
        : this(Diagnostics.DiagnosticCodes.StoreUnavailable, message, inner)
    {
    }

    public string Code { get; }
}
