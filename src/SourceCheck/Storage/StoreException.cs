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

    /// <summary>A database failure (<see cref="System.Data.Common.DbException"/>, usually SQLite's) in SourceCheck's words
    /// with its SC6xxx code, never the driver's text: locked, read-only, damaged, not a database, cannot open, disk full.</summary>
    public static StoreException From(System.Data.Common.DbException ex, string? path)
    {
        ArgumentNullException.ThrowIfNull(ex);
        string where = string.IsNullOrEmpty(path) ? "the store" : path;
        int code = ex is Microsoft.Data.Sqlite.SqliteException sqlite ? sqlite.SqliteErrorCode : ex.ErrorCode;
        return (code & 0xff) switch
        {
            26 => new StoreException(Diagnostics.DiagnosticCodes.StoreNotADatabase, $"{where}: not an SQLite database", ex),
            5 or 6 => new StoreException(Diagnostics.DiagnosticCodes.StoreBusy,
                $"{where}: the database stayed locked by another process for too long (another sourcecheck is writing; try again when it has finished)", ex),
            8 => new StoreException(Diagnostics.DiagnosticCodes.StoreReadOnly,
                $"{where}: the database is read-only (the file or its folder cannot be written; give --db a writable file)", ex),
            11 => new StoreException(Diagnostics.DiagnosticCodes.StoreCorrupt,
                $"{where}: the database is damaged; nothing more was written — restore a backup or move the file aside", ex),
            13 => new StoreException(Diagnostics.DiagnosticCodes.StoreUnavailable, $"{where}: the disk is full", ex),
            14 => new StoreException(Diagnostics.DiagnosticCodes.StoreUnavailable,
                $"{where}: cannot open the database file (a folder, or a file or folder that cannot be written)", ex),
            10 => new StoreException(Diagnostics.DiagnosticCodes.StoreUnavailable, $"{where}: reading or writing the database file failed", ex),
            _ => new StoreException(Diagnostics.DiagnosticCodes.StoreUnavailable,
                $"{where}: the database failed (SQLite error {code.ToString(System.Globalization.CultureInfo.InvariantCulture)})", ex),
        };
    }
}
