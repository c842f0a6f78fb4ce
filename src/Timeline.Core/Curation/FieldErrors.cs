namespace Timeline.Core.Curation;

/// <summary>Messages for the fields of a form, keyed by field name ("title", "start", …): at most one per field.</summary>
public sealed class FieldErrors : Dictionary<string, string>
{
    public void Set(string field, string message) => TryAdd(field, message);

    public string? For(string field) => TryGetValue(field, out var message) ? message : null;

    /// <summary>The trimmed text must fit <paramref name="maxLength"/>, and be there when <paramref name="required"/> says what to write.</summary>
    public void CheckText(string field, string value, int maxLength, string? required = null)
    {
        var text = value.Trim();
        if (text.Length == 0 && required is not null)
            Set(field, required);
        else if (text.Length > maxLength)
            Set(field, $"This has {text.Length} characters; at most {maxLength} fit.");
    }
}
