using System.Globalization;
using System.Runtime.CompilerServices;

namespace MockGen.Storage.Stores;

/// <summary>
/// Blobs as files under a root folder (<c>{root}/{container}/{name}</c>): the embedded default for the CLI and
/// <c>mockgen serve</c>. A write goes to a temporary file first and is renamed into place, so readers never see a
/// half-written blob and a crash leaves either the old or the new content.
/// </summary>
internal sealed class LocalFolderBlobStore : IBlobStore
{
    private readonly string _root;
    private readonly string _temp;

    public LocalFolderBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, ".tmp");
        try
        {
            Directory.CreateDirectory(_temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only folder can still be read; the first write reports why it cannot write.
        }

        SweepOrphans(_temp, TimeSpan.FromMinutes(10), TimeProvider.System);
    }

    /// <summary>
    /// Deletes temporary files a killed writer left behind: each is named <c>{blob}.{pid}.{n}</c>, so one whose
    /// process is gone will never be renamed into place. Files younger than <paramref name="minimumAge"/> stay, in
    /// case the folder is shared with a writer on another machine whose process id means nothing here. The clock only
    /// decides which leftovers to delete; it never touches what is stored.
    /// </summary>
    internal static int SweepOrphans(string temp, TimeSpan minimumAge, TimeProvider time)
    {
        var swept = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(temp))
            {
                var name = Path.GetFileName(file).AsSpan();
                var last = name.LastIndexOf('.');
                var middle = last > 0 ? name[..last].LastIndexOf('.') : -1;
                if (middle < 0 || !int.TryParse(name[(middle + 1)..last], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    || pid == Environment.ProcessId || IsRunning(pid)
                    || time.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(file) < minimumAge)
                {
                    continue;
                }

                DeleteQuietly(file);
                swept += File.Exists(file) ? 0 : 1;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No temporary folder, or one this process may not list: nothing to sweep.
        }

        return swept;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var parsed = StorePath.Parse(path);
        var file = FileOf(parsed);
        var temp = Path.Combine(_temp, Path.GetFileName(file) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "." + Interlocked.Increment(ref s_tempCounter).ToString(CultureInfo.InvariantCulture));
        try
        {
            Directory.CreateDirectory(_temp);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (output.ConfigureAwait(false))
            {
                await content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }

            // The rename is the commit: until it happens the old blob (or none) is what readers see, whatever
            // becomes of this process (tests/MockGen.Storage.Tests/Stores/LocalStoreFaultTests.cs kills one here).
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeleteQuietly(temp);
            throw MockGenStorageException.WriteRefused(parsed.Full, _root, e);
        }
        catch
        {
            // Cancelled or a failing source stream: the half-written temporary file must not hold disk space.
            DeleteQuietly(temp);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = FileOf(StorePath.Parse(path));
        try
        {
            return Task.FromResult<Stream?>(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<BlobEntry?> GetEntryAsync(string path, CancellationToken cancellationToken = default)
    {
        var parsed = StorePath.Parse(path);
        var info = new FileInfo(FileOf(parsed));
        return Task.FromResult(info.Exists ? EntryOf(parsed.Full, info) : null);
    }

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parsed = StorePath.Prefix(prefix);
        var containerDir = Path.Combine(_root, parsed.Container);
        if (!Directory.Exists(containerDir))
        {
            yield break;
        }

        var entries = new List<BlobEntry>();
        foreach (var file in Directory.EnumerateFiles(containerDir, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(containerDir, file).Replace(Path.DirectorySeparatorChar, '/');
            if (name.StartsWith(parsed.Name, StringComparison.Ordinal))
            {
                entries.Add(EntryOf(parsed.Container + "/" + name, new FileInfo(file)));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var parsed = StorePath.Parse(path);
        try
        {
            File.Delete(FileOf(parsed));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw MockGenStorageException.WriteRefused(parsed.Full, _root, e);
        }

        return Task.CompletedTask;
    }

    internal static void DeleteQuietly(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the file system that refused the write may refuse this too (read-only); nothing was committed.
        }
    }

    private static int s_tempCounter;

    private static BlobEntry EntryOf(string path, FileInfo info) =>
        new(path, info.Length, "\"" + info.Length.ToString(CultureInfo.InvariantCulture) + "-" + info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) + "\"");

    private string FileOf(StorePath path) => Path.Combine(_root, path.Container, path.Name.Replace('/', Path.DirectorySeparatorChar));
}
