using System.Globalization;
using System.Text;

using MockGen.Core.Schema;

namespace MockGen.Core.Generation.Patterns;

/// <summary>
/// A recursive-descent parser for ECMA-262 regular expressions (ES2024 §22.2.1). JSON Schema reads
/// <c>pattern</c> with Unicode-mode semantics (2020-12 validation §6.3.3 and core §6.4): the pattern is a
/// sequence of code points, <c>\p{...}</c> is allowed and <c>\d</c>, <c>\w</c> are ASCII. Real schemas also
/// hold patterns only the web-compatibility grammar of Annex B.1.2 accepts (<c>\_</c>, <c>[\w-.]</c>, a lone
/// <c>{</c>), which other validators take because they compile without the <c>u</c> flag; such a pattern is read
/// in <see cref="PatternSyntax.AnnexB"/> mode, exactly as <c>new RegExp(pattern)</c> reads it. Bounded: pattern
/// length and group nesting are capped, so hostile input fails fast instead of exhausting the stack.
/// </summary>
internal sealed class PatternParser
{
    public const int MaxPatternLength = 16_384;
    public const int MaxNesting = 64;

    private const int MaxCodeUnit = 0xFFFF;

    private static readonly CodePointSet s_digits = CodePointSet.FromRanges([('0', '9')]);
    private static readonly CodePointSet s_word = CodePointSet.FromRanges([('0', '9'), ('A', 'Z'), ('a', 'z'), ('_', '_')]);
    private static readonly CodePointSet s_codeUnits = CodePointSet.FromRanges([(0, MaxCodeUnit)]);

    // WhiteSpace and LineTerminator code points (ES2024 §12.2, §12.3).
    private static readonly CodePointSet s_space = CodePointSet.FromRanges(
    [
        (0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029),
        (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF),
    ]);

    private static readonly CodePointSet s_lineTerminators = CodePointSet.FromRanges([(0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)]);

    private readonly int[] _text;
    private readonly bool _unicode;
    private readonly List<GroupNode?> _groups = [null];
    private readonly List<(BackreferencePlaceholder Placeholder, int Offset)> _pendingBackreferences = [];
    private readonly Dictionary<string, int> _groupNames = new(StringComparer.Ordinal);
    private int _captureTotal;
    private int _position;
    private int _depth;

    private PatternParser(int[] text, bool unicode)
    {
        _text = text;
        _unicode = unicode;
    }

    /// <summary>
    /// Parses <paramref name="pattern"/> in Unicode mode, or in Annex B mode when Unicode mode rejects its syntax;
    /// returns false with the reason when neither accepts it.
    /// </summary>
    /// <remarks>
    /// A pattern that uses <c>\p{...}</c> or <c>\u{...}</c> is never read in Annex B mode, where those escapes
    /// silently mean the letters <c>p</c> and <c>u</c>: it was written for Unicode mode, and its error is reported.
    /// </remarks>
    public static bool TryParse(string pattern, out ParsedPattern? parsed, out string? reason)
    {
        if (TryParse(pattern, PatternSyntax.Unicode, out parsed, out reason))
        {
            return true;
        }

        var unicodeReason = reason;
        if (UsesUnicodeOnlyEscapes(pattern))
        {
            return false;
        }

        if (!TryParse(pattern, PatternSyntax.AnnexB, out parsed, out var annexBReason))
        {
            reason = annexBReason == unicodeReason ? unicodeReason : $"{unicodeReason} (without the u flag: {annexBReason})";
            return false;
        }

        reason = null;
        return true;
    }

    /// <summary>Parses <paramref name="pattern"/> with one grammar only.</summary>
    public static bool TryParse(string pattern, PatternSyntax syntax, out ParsedPattern? parsed, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        parsed = null;
        reason = null;
        try
        {
            var text = syntax == PatternSyntax.Unicode ? ToCodePoints(pattern) : ToCodeUnits(pattern);
            if (text.Length > MaxPatternLength)
            {
                throw PatternParseException.TooLong(text.Length, MaxPatternLength);
            }

            var parser = new PatternParser(text, syntax == PatternSyntax.Unicode);
            parsed = parser.ParseWhole() with { Syntax = syntax };
            return true;
        }
        catch (PatternParseException exception)
        {
            reason = exception.Message;
            return false;
        }
    }

    private static bool UsesUnicodeOnlyEscapes(string pattern)
    {
        for (var i = 0; i + 2 < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                if (pattern[i + 1] is 'p' or 'P' or 'u' && pattern[i + 2] == '{')
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    private static int[] ToCodePoints(string text)
    {
        var result = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            result.Add(rune.Value);
        }

        return [.. result];
    }

    private static int[] ToCodeUnits(string text)
    {
        var result = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            result[i] = text[i];
        }

        return result;
    }

    // Complements stay inside the alphabet: code points in Unicode mode, code units in Annex B mode.
    private CodePointSet Negate(CodePointSet set) => _unicode ? set.Complement() : set.Complement().Intersect(s_codeUnits);

    private ParsedPattern ParseWhole()
    {
        // Group numbers and names are known only after a full scan, and \k<name> or \3 may point forward.
        PreScanGroups();
        var root = ParseDisjunction();
        if (_position < _text.Length)
        {
            throw PatternParseException.At(_position, _text[_position] == ')' ? "unmatched ')'" : "unexpected character");
        }

        foreach (var (placeholder, offset) in _pendingBackreferences)
        {
            var group = placeholder.Index < _groups.Count ? _groups[placeholder.Index] : null;
            placeholder.Resolve(group ?? throw PatternParseException.At(offset, $"backreference to group {placeholder.Index} which does not exist"));
        }

        return new ParsedPattern(root, _groups.Count - 1);
    }

    private void PreScanGroups()
    {
        var count = 0;
        var inClass = false;
        for (var i = 0; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                if (i + 1 < _text.Length && _text[i + 1] == '?')
                {
                    if (i + 2 < _text.Length && _text[i + 2] == '<' && i + 3 < _text.Length && _text[i + 3] is not '=' and not '!')
                    {
                        count++;
                        var end = i + 3;
                        var name = new StringBuilder();
                        while (end < _text.Length && _text[end] != '>')
                        {
                            name.Append(char.ConvertFromUtf32(_text[end]));
                            end++;
                        }

                        if (!_groupNames.TryAdd(name.ToString(), count))
                        {
                            throw PatternParseException.At(i, $"duplicate group name '{name}'");
                        }
                    }
                }
                else
                {
                    count++;
                }
            }
        }

        _captureTotal = count;
        _groups.Capacity = count + 1;
    }

    private bool AtEnd => _position >= _text.Length;

    private int Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : -1;

    private int Next()
    {
        if (AtEnd)
        {
            throw PatternParseException.At(_position, "unexpected end of pattern");
        }

        return _text[_position++];
    }

    private void Expect(int c)
    {
        if (Peek() != c)
        {
            throw PatternParseException.At(_position, $"expected '{char.ConvertFromUtf32(c)}'");
        }

        _position++;
    }

    private PatternNode ParseDisjunction()
    {
        var alternatives = new List<PatternNode> { ParseAlternative() };
        while (Peek() == '|')
        {
            _position++;
            alternatives.Add(ParseAlternative());
        }

        return alternatives.Count == 1 ? alternatives[0] : new AlternationNode(alternatives);
    }

    private PatternNode ParseAlternative()
    {
        var items = new List<PatternNode>();
        while (!AtEnd && Peek() != '|' && Peek() != ')')
        {
            items.Add(ParseTerm());
        }

        return items.Count == 1 ? items[0] : new SequenceNode(items);
    }

    private PatternNode ParseTerm()
    {
        var start = _position;
        var c = Peek();
        switch (c)
        {
            case '^':
                _position++;
                return new AssertionNode(AssertionKind.Start, null);
            case '$':
                _position++;
                return new AssertionNode(AssertionKind.End, null);
            case '\\' when Peek(1) == 'b':
                _position += 2;
                return new AssertionNode(AssertionKind.WordBoundary, null);
            case '\\' when Peek(1) == 'B':
                _position += 2;
                return new AssertionNode(AssertionKind.NotWordBoundary, null);
            case '(' when Peek(1) == '?' && (Peek(2) is '=' or '!' || (Peek(2) == '<' && Peek(3) is '=' or '!')):
                return ParseLookaround();
            case '*' or '+' or '?':
                throw PatternParseException.At(start, "nothing to repeat");
            case '{' when TryReadQuantifierBounds(out _, out _, consume: false):
                throw PatternParseException.At(start, "nothing to repeat");
        }

        var atom = ParseAtom();
        return ParseQuantifier(atom, start);
    }

    private PatternNode ParseLookaround()
    {
        var start = _position;
        _position += 2;
        AssertionKind kind;
        if (Peek() == '<')
        {
            _position++;
            kind = Next() == '=' ? AssertionKind.Lookbehind : AssertionKind.NegativeLookbehind;
        }
        else
        {
            kind = Next() == '=' ? AssertionKind.Lookahead : AssertionKind.NegativeLookahead;
        }

        var body = ParseNested(start);
        var assertion = new AssertionNode(kind, body);
        if (!(Peek() is '*' or '+' or '?' || (Peek() == '{' && TryReadQuantifierBounds(out _, out _, consume: false))))
        {
            return assertion;
        }

        // Annex B.1.2 lets a lookahead (only) be quantified; Unicode mode does not.
        if (_unicode || kind is AssertionKind.Lookbehind or AssertionKind.NegativeLookbehind)
        {
            throw PatternParseException.At(_position, "nothing to repeat");
        }

        // A repeated zero-width match stops after one iteration (RepeatMatcher), so x{0,n} is the empty
        // pattern and x{m,n} with m >= 1 is the assertion once.
        var repeat = (RepeatNode)ParseQuantifier(assertion, start);
        return repeat.Min == 0 ? new SequenceNode([]) : assertion;
    }

    private PatternNode ParseNested(int openOffset)
    {
        if (++_depth > MaxNesting)
        {
            throw PatternParseException.TooDeep(openOffset, MaxNesting);
        }

        var body = ParseDisjunction();
        if (Peek() != ')')
        {
            throw PatternParseException.At(openOffset, "unterminated group");
        }

        _position++;
        _depth--;
        return body;
    }

    private PatternNode ParseAtom()
    {
        var start = _position;
        var c = Next();
        switch (c)
        {
            case '.':
                return new CharSetNode(Negate(s_lineTerminators));
            case '[':
                return new CharSetNode(ParseClass(start));
            case '(':
                return ParseGroup(start);
            case '\\':
                return ParseAtomEscape(start);
            case ']' or '{' or '}':
                // Annex B (ExtendedPatternCharacter) takes them as literals; Unicode mode does not.
                return _unicode
                    ? throw PatternParseException.At(start, $"lone '{char.ConvertFromUtf32(c)}' (escape it as \\{char.ConvertFromUtf32(c)})")
                    : new CharSetNode(CodePointSet.Single(c));
            case ')' or '|':
                throw PatternParseException.At(start, "unexpected character");
            default:
                return new CharSetNode(CodePointSet.Single(c));
        }
    }

    private GroupNode ParseGroup(int start)
    {
        var captureIndex = 0;
        if (Peek() == '?')
        {
            _position++;
            var kind = Next();
            if (kind == '<')
            {
                var nameStart = _position;
                while (Peek() != '>')
                {
                    if (!IsGroupNameCharacter(Next(), first: _position - 1 == nameStart))
                    {
                        throw PatternParseException.At(start, "invalid capture group name");
                    }
                }

                if (_position == nameStart)
                {
                    throw PatternParseException.At(start, "empty capture group name");
                }

                _position++;
                captureIndex = _groups.Count;
                _groups.Add(null);
            }
            else if (kind != ':')
            {
                throw PatternParseException.At(start, $"unsupported group syntax '(?{char.ConvertFromUtf32(kind)}'");
            }
        }
        else
        {
            captureIndex = _groups.Count;
            _groups.Add(null);
        }

        var body = ParseNested(start);
        var group = new GroupNode(body, captureIndex);
        if (captureIndex > 0)
        {
            _groups[captureIndex] = group;
        }

        return group;
    }

    private PatternNode ParseQuantifier(PatternNode atom, int start)
    {
        int min, max;
        switch (Peek())
        {
            case '*':
                _position++;
                (min, max) = (0, PatternNode.Unbounded);
                break;
            case '+':
                _position++;
                (min, max) = (1, PatternNode.Unbounded);
                break;
            case '?':
                _position++;
                (min, max) = (0, 1);
                break;
            case '{' when TryReadQuantifierBounds(out min, out max, consume: true):
                if (min > max)
                {
                    throw PatternParseException.At(start, "numbers out of order in {} quantifier");
                }

                break;
            default:
                return atom;
        }

        var lazy = false;
        if (Peek() == '?')
        {
            _position++;
            lazy = true;
        }

        if (Peek() is '*' or '+' or '?' || (Peek() == '{' && TryReadQuantifierBounds(out _, out _, consume: false)))
        {
            throw PatternParseException.At(_position, "nothing to repeat");
        }

        return new RepeatNode(atom, min, max, lazy);
    }

    private bool TryReadQuantifierBounds(out int min, out int max, bool consume)
    {
        min = max = 0;
        var i = _position;
        if (i >= _text.Length || _text[i] != '{')
        {
            return false;
        }

        i++;
        if (!TryReadNumber(ref i, out min))
        {
            return false;
        }

        max = min;
        if (i < _text.Length && _text[i] == ',')
        {
            i++;
            max = PatternNode.Unbounded;
            if (i < _text.Length && _text[i] != '}' && !TryReadNumber(ref i, out max))
            {
                return false;
            }
        }

        if (i >= _text.Length || _text[i] != '}')
        {
            return false;
        }

        if (consume)
        {
            _position = i + 1;
        }

        return true;
    }

    private bool TryReadNumber(ref int i, out int value)
    {
        var start = i;
        long number = 0;
        while (i < _text.Length && _text[i] is >= '0' and <= '9')
        {
            // Counts beyond int range behave as "unbounded" for generation purposes.
            number = Math.Min(number * 10 + (_text[i] - '0'), PatternNode.Unbounded);
            i++;
        }

        value = (int)number;
        return i > start;
    }

    private PatternNode ParseAtomEscape(int start)
    {
        var c = Peek();
        if (c is >= '1' and <= '9')
        {
            var i = _position;
            TryReadNumber(ref i, out var index);

            // Annex B: \N names a group only when the pattern has that many; otherwise it is a legacy octal
            // escape (\1 to \7) or the digit itself (\8, \9), read below as a character escape.
            if (_unicode || index <= _captureTotal)
            {
                _position = i;
                return Backreference(index, start);
            }
        }

        if (c == 'k' && (_unicode || _groupNames.Count > 0))
        {
            _position++;
            if (Peek() != '<')
            {
                throw PatternParseException.At(start, "invalid named reference (\\k must be followed by <name>)");
            }

            _position++;
            var name = new StringBuilder();
            while (Peek() != '>')
            {
                name.Append(char.ConvertFromUtf32(Next()));
            }

            _position++;
            if (!_groupNames.TryGetValue(name.ToString(), out var index))
            {
                throw PatternParseException.At(start, $"backreference to unknown group name '{name}'");
            }

            return Backreference(index, start);
        }

        return new CharSetNode(ParseCharacterEscape(start, inClass: false));
    }

    private BackreferenceNode Backreference(int index, int offset)
    {
        var placeholder = new BackreferencePlaceholder(index);
        _pendingBackreferences.Add((placeholder, offset));
        return new BackreferenceNode(index, placeholder);
    }

    private CodePointSet ParseClass(int start)
    {
        var negate = false;
        if (Peek() == '^')
        {
            negate = true;
            _position++;
        }

        var set = CodePointSet.Empty;
        while (true)
        {
            if (AtEnd)
            {
                throw PatternParseException.At(start, "unterminated character class");
            }

            if (Peek() == ']')
            {
                _position++;
                break;
            }

            var atomStart = _position;
            var low = ParseClassAtom(out var lowIsClass);
            if (Peek() == '-' && Peek(1) != ']' && Peek(1) != -1)
            {
                _position++;
                var high = ParseClassAtom(out var highIsClass);
                if (lowIsClass || highIsClass)
                {
                    // Annex B.1.2: a class escape next to '-' makes the '-' literal; Unicode mode rejects it.
                    if (_unicode)
                    {
                        throw PatternParseException.At(atomStart, "a character class escape cannot bound a range (escape the '-' as \\-)");
                    }

                    set = set.Union(low).Union(CodePointSet.Single('-')).Union(high);
                    continue;
                }

                var lowPoint = low.Ranges[0].Start;
                var highPoint = high.Ranges[0].Start;
                if (lowPoint > highPoint)
                {
                    throw PatternParseException.At(atomStart, "range out of order in character class");
                }

                set = set.Union(CodePointSet.FromRanges([(lowPoint, highPoint)]));
            }
            else
            {
                set = set.Union(low);
            }
        }

        return negate ? Negate(set) : set;
    }

    // One class atom: a single character (isClass false) or a class escape such as \d or \p{L} (isClass true).
    private CodePointSet ParseClassAtom(out bool isClass)
    {
        isClass = false;
        var start = _position;
        var c = Next();
        if (c != '\\')
        {
            return CodePointSet.Single(c);
        }

        switch (Peek())
        {
            case 'b':
                _position++;
                return CodePointSet.Single('\b');
            case '-' when _unicode:
                _position++;
                return CodePointSet.Single('-');
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                isClass = true;
                return ParseCharacterEscape(start, inClass: true);
            case 'p' or 'P' when _unicode:
                isClass = true;
                return ParseCharacterEscape(start, inClass: true);
            case 'c' when !_unicode && Peek(1) is (>= '0' and <= '9') or '_':
                // Annex B ClassControlLetter: \c followed by a digit or '_' in a class.
                _position++;
                return CodePointSet.Single(Next() % 32);
            default:
                return ParseCharacterEscape(start, inClass: true);
        }
    }

    private CodePointSet ParseCharacterEscape(int start, bool inClass)
    {
        var c = Next();
        switch (c)
        {
            case 'd': return s_digits;
            case 'D': return Negate(s_digits);
            case 'w': return s_word;
            case 'W': return Negate(s_word);
            case 's': return s_space;
            case 'S': return Negate(s_space);
            case 't': return CodePointSet.Single('\t');
            case 'n': return CodePointSet.Single('\n');
            case 'r': return CodePointSet.Single('\r');
            case 'v': return CodePointSet.Single('\v');
            case 'f': return CodePointSet.Single('\f');
            case '0' when Peek() is < '0' or > '9':
                return CodePointSet.Single(0);
            case 'c' when Peek() is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'):
                return CodePointSet.Single(Next() % 32);
            case 'c':
                // Annex B: "\c" without a control letter is a literal backslash; the 'c' is read next, as itself.
                if (_unicode)
                {
                    throw PatternParseException.At(start, "invalid \\c escape (a letter must follow)");
                }

                _position--;
                return CodePointSet.Single('\\');
            case 'x' when IsHex(Peek()) && IsHex(Peek(1)):
                return CodePointSet.Single(ReadHex(2));
            case 'u' when _unicode:
                return CodePointSet.Single(ReadUnicodeEscape(start));
            case 'u' when IsHex(Peek()) && IsHex(Peek(1)) && IsHex(Peek(2)) && IsHex(Peek(3)):
                return CodePointSet.Single(ReadHex(4));
            case 'p' or 'P' when _unicode:
                {
                    Expect('{');
                    var name = new StringBuilder();
                    while (Peek() != '}')
                    {
                        name.Append(char.ConvertFromUtf32(Next()));
                    }

                    _position++;
                    var set = UnicodeProperties.Lookup(name.ToString())
                        ?? throw PatternParseException.At(start, $"unsupported Unicode property '\\{char.ConvertFromUtf32(c)}{{{name}}}'");
                    return c == 'P' ? set.Complement() : set;
                }

            case >= '0' and <= '7' when !_unicode:
                return CodePointSet.Single(ReadLegacyOctal(c));
            default:
                if (_unicode && !IsSyntaxCharacter(c) && c != '/' && !(inClass && c == '-'))
                {
                    throw PatternParseException.At(start, c is >= '0' and <= '9'
                        ? "octal escapes are not allowed in Unicode patterns"
                        : $"invalid escape '\\{char.ConvertFromUtf32(c)}' in a Unicode pattern (only syntax characters and '/' may be escaped)");
                }

                // Identity escape: '\.' is '.'; in Annex B mode any other character (\_, \:, \8) stands for itself.
                return CodePointSet.Single(c);
        }
    }

    // LegacyOctalEscapeSequence (Annex B.1.2): up to three octal digits, at most \377.
    private int ReadLegacyOctal(int first)
    {
        var value = first - '0';
        if (Peek() is >= '0' and <= '7')
        {
            value = value * 8 + (Next() - '0');
            if (first <= '3' && Peek() is >= '0' and <= '7')
            {
                value = value * 8 + (Next() - '0');
            }
        }

        return value;
    }

    // RegExpIdentifierName, approximated: ASCII letters, '$' and '_' (digits after the first), and any non-ASCII code point.
    private static bool IsGroupNameCharacter(int c, bool first) =>
        c is '$' or '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or >= 0x80 || (!first && c is >= '0' and <= '9');

    private static bool IsSyntaxCharacter(int c) => c is '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|';

    private int ReadUnicodeEscape(int start)
    {
        if (Peek() == '{')
        {
            _position++;
            var value = 0;
            var digits = 0;
            while (IsHex(Peek()))
            {
                value = value * 16 + HexValue(Next());
                if (++digits > 6 || value > CodePointSet.MaxCodePoint)
                {
                    throw PatternParseException.At(start, "\\u{...} escape out of range");
                }
            }

            Expect('}');
            return value;
        }

        if (!(IsHex(Peek()) && IsHex(Peek(1)) && IsHex(Peek(2)) && IsHex(Peek(3))))
        {
            throw PatternParseException.At(start, "invalid \\u escape");
        }

        var unit = ReadHex(4);

        // A surrogate pair written as two \u escapes is one code point in Unicode mode.
        if (unit is >= 0xD800 and <= 0xDBFF && Peek() == '\\' && Peek(1) == 'u' && IsHex(Peek(2)) && IsHex(Peek(3)) && IsHex(Peek(4)) && IsHex(Peek(5)))
        {
            var save = _position;
            _position += 2;
            var low = ReadHex(4);
            if (low is >= 0xDC00 and <= 0xDFFF)
            {
                return char.ConvertToUtf32((char)unit, (char)low);
            }

            _position = save;
        }

        return unit;
    }

    private int ReadHex(int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            value = value * 16 + HexValue(Next());
        }

        return value;
    }

    private static bool IsHex(int c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static int HexValue(int c) => int.Parse(char.ConvertFromUtf32(c), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
