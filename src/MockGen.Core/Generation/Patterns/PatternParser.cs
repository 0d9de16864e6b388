using System.Globalization;
using System.Text;

namespace MockGen.Core.Generation.Patterns;

/// <summary>
/// A recursive-descent parser for ECMA-262 regular expressions (ES2024 §22.2.1) with Unicode-mode semantics,
/// which is how JSON Schema reads <c>pattern</c> (2020-12 validation §6.3.3 and core §6.4): the pattern is a
/// sequence of code points, <c>\p{...}</c> is allowed and <c>\d</c>, <c>\w</c> are ASCII. Bounded: pattern
/// length and group nesting are capped, so hostile input fails fast instead of exhausting the stack.
/// </summary>
internal sealed class PatternParser
{
    public const int MaxPatternLength = 16_384;
    public const int MaxNesting = 64;

    private static readonly CodePointSet s_digits = CodePointSet.FromRanges([('0', '9')]);
    private static readonly CodePointSet s_word = CodePointSet.FromRanges([('0', '9'), ('A', 'Z'), ('a', 'z'), ('_', '_')]);

    // WhiteSpace and LineTerminator code points (ES2024 §12.2, §12.3).
    private static readonly CodePointSet s_space = CodePointSet.FromRanges(
    [
        (0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029),
        (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF),
    ]);

    private static readonly CodePointSet s_dot = CodePointSet.FromRanges([(0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)]).Complement();

    private readonly int[] _text;
    private readonly List<GroupNode?> _groups = [null];
    private readonly List<(BackreferencePlaceholder Placeholder, int Offset)> _pendingBackreferences = [];
    private readonly Dictionary<string, int> _groupNames = new(StringComparer.Ordinal);
    private int _position;
    private int _depth;

    private PatternParser(int[] text)
    {
        _text = text;
    }

    /// <summary>Parses <paramref name="pattern"/>; returns false with the reason when it is invalid or unsupported.</summary>
    public static bool TryParse(string pattern, out ParsedPattern? parsed, out string? reason)
    {
        parsed = null;
        reason = null;
        try
        {
            var codePoints = ToCodePoints(pattern);
            if (codePoints.Length > MaxPatternLength)
            {
                throw PatternParseException.TooLong(codePoints.Length, MaxPatternLength);
            }

            var parser = new PatternParser(codePoints);
            parsed = parser.ParseWhole();
            return true;
        }
        catch (PatternParseException exception)
        {
            reason = exception.Message;
            return false;
        }
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

    private AssertionNode ParseLookaround()
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

        // Annex B allows quantifying a lookahead; a quantified zero-width assertion is still zero-width.
        if (Peek() is '*' or '+' or '?' || (Peek() == '{' && TryReadQuantifierBounds(out _, out _, consume: false)))
        {
            ParseQuantifier(assertion, start);
        }

        return assertion;
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
                return new CharSetNode(s_dot);
            case '[':
                return new CharSetNode(ParseClass(start));
            case '(':
                return ParseGroup(start);
            case '\\':
                return ParseAtomEscape(start);
            case ')' or ']' or '}' or '|':
                // Annex B accepts a lone ']' or '}' as a literal; ')' and '|' never reach here.
                return c is ']' or '}' ? new CharSetNode(CodePointSet.Single(c)) : throw PatternParseException.At(start, "unexpected character");
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
                while (Peek() != '>')
                {
                    Next();
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

        if (Peek() == '?')
        {
            _position++;
        }

        if (Peek() is '*' or '+' or '?' || (Peek() == '{' && TryReadQuantifierBounds(out _, out _, consume: false)))
        {
            throw PatternParseException.At(_position, "nothing to repeat");
        }

        return new RepeatNode(atom, min, max);
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
            _position = i;
            return Backreference(index, start);
        }

        if (c == 'k' && Peek(1) == '<')
        {
            _position += 2;
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
            var low = ParseClassAtom();
            if (Peek() == '-' && Peek(1) != ']' && Peek(1) != -1)
            {
                _position++;
                var high = ParseClassAtom();
                if (!IsSingle(low, out var lowPoint) || !IsSingle(high, out var highPoint))
                {
                    // Annex B: a class escape next to '-' makes the '-' literal.
                    set = set.Union(low).Union(CodePointSet.Single('-')).Union(high);
                    continue;
                }

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

        return negate ? set.Complement() : set;
    }

    private static bool IsSingle(CodePointSet set, out int codePoint)
    {
        codePoint = -1;
        if (set.Ranges.Count == 1 && set.Ranges[0].Start == set.Ranges[0].End)
        {
            codePoint = set.Ranges[0].Start;
            return true;
        }

        return false;
    }

    private CodePointSet ParseClassAtom()
    {
        var start = _position;
        var c = Next();
        if (c != '\\')
        {
            return CodePointSet.Single(c);
        }

        if (Peek() == 'b')
        {
            _position++;
            return CodePointSet.Single('\b');
        }

        if (Peek() == '-')
        {
            _position++;
            return CodePointSet.Single('-');
        }

        return ParseCharacterEscape(start, inClass: true);
    }

    private CodePointSet ParseCharacterEscape(int start, bool inClass)
    {
        var c = Next();
        switch (c)
        {
            case 'd': return s_digits;
            case 'D': return s_digits.Complement();
            case 'w': return s_word;
            case 'W': return s_word.Complement();
            case 's': return s_space;
            case 'S': return s_space.Complement();
            case 't': return CodePointSet.Single('\t');
            case 'n': return CodePointSet.Single('\n');
            case 'r': return CodePointSet.Single('\r');
            case 'v': return CodePointSet.Single('\v');
            case 'f': return CodePointSet.Single('\f');
            case '0' when Peek() is < '0' or > '9':
                return CodePointSet.Single(0);
            case 'c' when Peek() is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'):
                return CodePointSet.Single(Next() % 32);
            case 'x' when IsHex(Peek()) && IsHex(Peek(1)):
                return CodePointSet.Single(ReadHex(2));
            case 'u':
                return CodePointSet.Single(ReadUnicodeEscape(start));
            case 'p' or 'P':
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

            default:
                if (!inClass && c is >= '0' and <= '9')
                {
                    throw PatternParseException.At(start, "octal escapes are not allowed in Unicode patterns");
                }

                // Identity escape: '\.' is '.', and Annex B lets other characters stand for themselves.
                return CodePointSet.Single(c);
        }
    }

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
