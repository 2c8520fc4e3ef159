namespace SourceCheck.Storage;

/// <summary>The database cannot be used (not an SQLite file, written by a newer SourceCheck, not writable).
/// <see cref="Code"/> is an SC6xxx diagnostic code.</summary>
public sealed class StoreException : Exception
{
    /// <summary>A store error with diagnostic <paramref name="code"/> (SC6xxx) and a message for people.</summary>
    public StoreException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    /// <summary>"the store is unavailable" (SC6001).</summary>
    public StoreException()
        : this(Diagnostics.DiagnosticCodes.StoreUnavailable, "the store is unavailable")
    {
    }

    /// <summary>A store error with the general code (store unavailable).</summary>
    public StoreException(string message)
        : this(Diagnostics.DiagnosticCodes.StoreUnavailable, message)
    {
    }

    /// <summary>A store error with the general code (store unavailable) and its cause.</summary>
    public StoreException(string message, Exception inner)
        : this(Diagnostics.DiagnosticCodes.StoreUnavailable, message, inner)
    {
    }

    /// <summary>The SC6xxx diagnostic code.</summary>
    public string Code { get; }
}
