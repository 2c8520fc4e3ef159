using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SourceCheck.Evaluation.Storage;

/// <summary>A throw-away PostgreSQL cluster for tests and benches: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c>
/// on a free loopback port with the unix socket in that folder, password login (scram-sha-256) for one user over TCP;
/// stopped and deleted on dispose. As root, the server programs run as the <c>postgres</c> (else <c>nobody</c>) user
/// through <c>setpriv</c>, since <c>initdb</c> refuses root. No system service is involved.</summary>
public sealed class PrivateCluster : IDisposable
{
    public const string User = "sc";

    private readonly string _bin;
    private readonly string? _runAs;
    private bool _stopped;

    private PrivateCluster(string bin, string folder, int port, string password, string? runAs)
    {
        _bin = bin;
        Folder = folder;
        Port = port;
        Password = password;
        _runAs = runAs;
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>The password of <see cref="User"/> (give it through <c>PGPASSWORD</c>; never put it in a URI that is printed).</summary>
    public string Password { get; }

    /// <summary>The folder holding <c>initdb</c> and <c>pg_ctl</c>, or null with the reason when PostgreSQL is not installed.</summary>
    public static string? FindBinaries(out string reason)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("SOURCECHECK_PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        foreach (string dir in candidates)
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                reason = string.Empty;
                return dir;
            }
        }

        reason = "PostgreSQL server programs (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or $SOURCECHECK_PG_BIN (apt-get install postgresql)";
        return null;
    }

    /// <summary>Starts a cluster, or returns null with the reason (no binaries, not on Linux, no unprivileged user as root).</summary>
    /// <param name="fast">Tests: no fsync (a lost cluster is thrown away anyway). Benches pass false.</param>
    /// <param name="extraOptions">More <c>-c name=value</c> server settings (the caller's constants).</param>
    public static PrivateCluster? TryStart(out string reason, bool fast = true, string? extraOptions = null)
    {
        if (!OperatingSystem.IsLinux())
        {
            reason = "the private PostgreSQL cluster is set up on Linux only";
            return null;
        }

        if (FindBinaries(out reason) is not { } bin)
        {
            return null;
        }

        string? runAs = null;
        if (Environment.UserName == "root")
        {
            runAs = Run("id", ["-u", "postgres"], null, out _) == 0 ? "postgres" : "nobody";
        }

        SweepStale();
        string folder = Path.Combine(Path.GetTempPath(), "sc-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        string password = "pw-" + Guid.NewGuid().ToString("N")[..16];
        string pwfile = Path.Combine(folder, "pw");
        File.WriteAllText(pwfile, password + "\n");
        if (runAs is not null && Run("chown", ["-R", runAs + ":", folder], null, out string chownError) != 0)
        {
            reason = "cannot hand the cluster folder to " + runAs + ": " + chownError.Trim();
            return null;
        }

        var cluster = new PrivateCluster(bin, folder, FreePort(), password, runAs);
        try
        {
            string data = Path.Combine(folder, "data");
            if (cluster.Server("initdb", ["-D", data, "-U", User, "--pwfile", pwfile, "--auth-local=trust", "--auth-host=scram-sha-256",
                "-E", "UTF8", "--no-locale", "--no-sync"], out string initError) != 0)
            {
                reason = "initdb failed: " + Last(initError);
                cluster.Delete();
                return null;
            }

            File.Delete(pwfile);
            string options = string.Create(CultureInfo.InvariantCulture,
                $"-p {cluster.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=60 -c shared_buffers=64MB")
                + (fast ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : string.Empty)
                + (extraOptions is null ? string.Empty : " " + extraOptions);
            if (cluster.Server("pg_ctl", ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], out string startError) != 0)
            {
                reason = "pg_ctl start failed: " + Last(startError) + " " + Last(cluster.ServerLog());
                cluster.Stop();
                cluster.Delete();
                return null;
            }

            reason = string.Empty;
            return cluster;
        }
        catch (Exception ex) when (ex is IOException or System.ComponentModel.Win32Exception or UnauthorizedAccessException)
        {
            reason = "cannot start a private PostgreSQL cluster: " + ex.Message;
            cluster.Delete();
            return null;
        }
    }

    /// <summary>A URI for <paramref name="database"/> (no password: it goes in <c>PGPASSWORD</c>).</summary>
    public string Uri(string database) => string.Create(CultureInfo.InvariantCulture, $"postgresql://{User}@127.0.0.1:{Port}/{database}");

    /// <summary>Creates a fresh database (through the unix socket, local trust) and returns its name.</summary>
    public string CreateDatabase(string prefix = "t")
    {
        string name = prefix + "_" + Guid.NewGuid().ToString("N")[..12];
        if (Server("psql", ["-h", Folder, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, "-d", "postgres", "-v", "ON_ERROR_STOP=1",
            "-qc", "CREATE DATABASE " + name], out string error) != 0)
        {
            throw new InvalidOperationException("CREATE DATABASE failed: " + Last(error));
        }

        return name;
    }

    /// <summary>Runs SQL through psql as the cluster's user (for test set-up only; <paramref name="sql"/> is the caller's constant).</summary>
    public string Psql(string database, string sql)
    {
        if (Server("psql", ["-h", Folder, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, "-d", database, "-v", "ON_ERROR_STOP=1",
            "-XAtqc", sql], out string output) != 0)
        {
            throw new InvalidOperationException("psql failed: " + Last(output));
        }

        return output.Trim();
    }

    public string ServerLog()
    {
        try
        {
            return File.ReadAllText(Path.Combine(Folder, "server.log"));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    public void Stop()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        Server("pg_ctl", ["-D", Path.Combine(Folder, "data"), "-m", "immediate", "-w", "-t", "30", "stop"], out _);
    }

    public void Dispose()
    {
        Stop();
        Delete();
    }

    private void Delete()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Removes clusters of earlier runs whose server is not running (no <c>postmaster.pid</c>) and that are older
    /// than ten minutes: a test host ended before its exit handler finished leaves its folder behind.</summary>
    private static void SweepStale()
    {
        try
        {
            foreach (string dir in Directory.GetDirectories(Path.GetTempPath(), "sc-pg-*"))
            {
                if (!File.Exists(Path.Combine(dir, "data", "postmaster.pid")) && Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddMinutes(-10))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private int Server(string program, IReadOnlyList<string> args, out string output)
    {
        string path = Path.Combine(_bin, program);
        if (_runAs is null)
        {
            return Run(path, args, Folder, out output);
        }

        return Run("setpriv", ["--reuid=" + _runAs, "--regid=" + _runAs, "--init-groups", "--", path, .. args], Folder, out output);
    }

    private static int Run(string program, IReadOnlyList<string> args, string? workingDirectory, out string output)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        output = stdout + stderr.Result;
        return process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Last(string text)
    {
        string trimmed = text.Trim();
        return trimmed.Length <= 400 ? trimmed : trimmed[^400..];
    }
}
