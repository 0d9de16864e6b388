using System.Text;
using Spectre.Console;

namespace MockGen.Cli.Commands;

/// <summary>
/// The end-of-run table of a command. A few rows render as a Spectre table; a long one (a folder of hundreds of
/// contracts, or an OpenAPI document with thousands of targets) is written as plain aligned text in one pass:
/// Spectre measures and lays out every cell, which cost a fifth of a 331-schema folder run's CPU time and grows
/// with the row count, and a log keeps one line per row instead of wrapped cells.
/// </summary>
internal static class SummaryTable
{
    /// <summary>Rows above this are written as plain text.</summary>
    internal const int MaxRenderedRows = 40;

    /// <summary>Writes the table; <paramref name="noWrap"/> names the column that must not wrap in the rendered form.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, int? noWrap = null)
    {
        if (rows.Count <= MaxRenderedRows)
        {
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns([.. headers]);
            if (noWrap is { } column)
            {
                table.Columns[column].NoWrap();
            }

            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(Markup.Escape)]);
            }

            console.Write(table);
            return;
        }

        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        AppendRow(text, headers, widths);
        text.Append(' ').Append('─', widths.Sum() + (2 * (widths.Length - 1))).Append('\n');
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        console.Profile.Out.Writer.Write(text.ToString());
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        text.Append(' ');
        for (var i = 0; i < widths.Length; i++)
        {
            text.Append(cells[i]);
            if (i < widths.Length - 1)
            {
                text.Append(' ', widths[i] - cells[i].Length + 2);
            }
        }

        text.Append('\n');
    }
}
