namespace MockGen.Storage.Tests.Support;

internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MockGen.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MockGen.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
