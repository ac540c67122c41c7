using System.Text;

namespace FundingArb.Kernel.Configuration;

/// Turns the pieces of a path expression into path elements: dots split unquoted text only, and every
/// element must have content (<c>a."".b</c> is valid, <c>a..b</c> and <c>a.</c> are not).
internal sealed class HoconPathBuilder
{
    private readonly List<string> _elements = [];
    private readonly StringBuilder _current = new();
    private bool _hasContent;
    private string? _error;

    public bool IsEmpty => _elements.Count == 0 && !_hasContent;

    public void AppendUnquoted(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c == '.')
            {
                FinishElement();
            }
            else
            {
                _current.Append(c);
                _hasContent = true;
            }
        }
    }

    public void AppendQuoted(string text)
    {
        _current.Append(text);
        _hasContent = true;
    }

    /// Returns the elements, or null with a reason when the expression is empty or has an empty element.
    public string[]? Build(out string? error)
    {
        if (_error is null && !_hasContent)
        {
            _error = _elements.Count == 0 ? "a path must not be empty" : "a path must not end with '.'";
        }

        error = _error;
        if (error is not null)
        {
            return null;
        }

        _elements.Add(_current.ToString());
        return [.. _elements];
    }

    private void FinishElement()
    {
        if (!_hasContent)
        {
            _error ??= _elements.Count == 0
                ? "a path must not start with '.'"
                : "a path must not contain an empty element ('..'); quote an empty key as \"\"";
        }

        _elements.Add(_current.ToString());
        _current.Clear();
        _hasContent = false;
    }
}
