using System.Diagnostics;
using System.Globalization;

namespace MockGen.Storage.Tests.Support;

/// <summary>
/// A small tmpfs mounted on a temporary folder: a real file system that fills up (ENOSPC) and can be remounted
/// read-only (EROFS), which chmod cannot give a root user. Needs mount rights: root, or passwordless sudo.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private static readonly Lazy<string?> s_prefix = new(Probe);

    private TmpfsMount(string path) => Path = path;

    /// <summary>Why mount tests cannot run here, or null when they can.</summary>
    public static string? Unavailable => s_prefix.Value is null ? "mounting a tmpfs needs root or passwordless sudo (mount -t tmpfs)" : null;

    public string Path { get; }

    public static TmpfsMount Create(int sizeKilobytes)
    {
        var path = Directory.CreateTempSubdirectory("mockgen-tmpfs-").FullName;
        Run("mount", "-t", "tmpfs", "-o", "size=" + sizeKilobytes.ToString(CultureInfo.InvariantCulture) + "k", "tmpfs", path);
        return new TmpfsMount(path);
    }

    /// <summary>Fills the file system with one file until about <paramref name="bytesFree"/> remain; returns its path (delete it to free the space).</summary>
    public string Fill(long bytesFree)
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var drive = new DriveInfo(Path);
        var chunk = new byte[4096];
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        while (drive.AvailableFreeSpace > bytesFree)
        {
            stream.Write(chunk);
        }

        return filler;
    }

    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void RemountReadWrite() => Run("mount", "-o", "remount,rw", Path);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static void Run(string command, params string[] args)
    {
        var prefix = s_prefix.Value ?? throw new InvalidOperationException(Unavailable);
        var (code, error) = Exec(prefix.Length == 0 ? command : prefix, prefix.Length == 0 ? args : ["-n", command, .. args]);
        if (code != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({code}): {error}");
        }
    }

    private static string? Probe()
    {
        var probe = Directory.CreateTempSubdirectory("mockgen-tmpfs-probe-").FullName;
        try
        {
            foreach (var prefix in new[] { string.Empty, "sudo" })
            {
                var mount = prefix.Length == 0 ? Exec("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]) : Exec("sudo", ["-n", "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]);
                if (mount.Code == 0)
                {
                    _ = prefix.Length == 0 ? Exec("umount", [probe]) : Exec("sudo", ["-n", "umount", probe]);
                    return prefix;
                }
            }

            return null;
        }
        finally
        {
            Directory.Delete(probe);
        }
    }

    private static (int Code, string Error) Exec(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}

/// <summary>A fact that is skipped, with the reason, where a tmpfs cannot be mounted.</summary>
internal sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        Skip = TmpfsMount.Unavailable;
    }
}
