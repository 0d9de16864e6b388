using MockGen.Core.Contracts;

namespace MockGen.Cli.Commands;

/// <summary>
/// A folder's contracts with the next one loaded (and its targets compiled) on another core while the caller
/// generates the current one. Generation and output stay in folder order on the caller's side, so the dataset is
/// byte-identical; at most two contracts are in memory at once (the current and the next), so the bound on a folder
/// run's memory still is its largest contracts, not the folder. On a folder of many small schemas loading and
/// compiling is about half of the work, and the machine has more than one core.
/// </summary>
internal static class ContractReadAhead
{
    /// <summary>Yields <paramref name="source"/>'s entries in order, each prepared by <paramref name="prepare"/> ahead of time.</summary>
    public static async IAsyncEnumerable<ContractFolderEntry> ReadAheadAsync(
        IAsyncEnumerable<ContractFolderEntry> source,
        Action<ContractFolderEntry> prepare,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var entries = source.GetAsyncEnumerator(cancellationToken);
        Task<ContractFolderEntry?>? next = null;
        try
        {
            next = NextAsync(entries, prepare);
            while (await next.ConfigureAwait(false) is { } entry)
            {
                next = NextAsync(entries, prepare);
                yield return entry;
            }
        }
        finally
        {
            // The caller may stop early (an output error): let the pending read finish before the enumerator goes.
            if (next is not null)
            {
                try
                {
                    await next.ConfigureAwait(false);
                }
#pragma warning disable CA1031 // Its outcome no longer matters; the caller's own error is what gets reported.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }

            await entries.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Task<ContractFolderEntry?> NextAsync(IAsyncEnumerator<ContractFolderEntry> entries, Action<ContractFolderEntry> prepare) =>
        Task.Run(async () =>
        {
            if (!await entries.MoveNextAsync().ConfigureAwait(false))
            {
                return null;
            }

            var entry = entries.Current;
            prepare(entry);
            return (ContractFolderEntry?)entry;
        });
}
