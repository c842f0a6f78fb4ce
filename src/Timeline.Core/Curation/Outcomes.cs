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

/// <summary>What became of a save. The form the editor typed in is never changed by it.</summary>
public abstract record SaveOutcome;

/// <summary>Stored. <paramref name="Unchanged"/> when the form held nothing new, so nothing was written.</summary>
public sealed record Saved(int Id, string? Slug = null, int Version = 0, bool Unchanged = false) : SaveOutcome;

/// <summary>Refused with a message next to each faulty field.</summary>
public sealed record Invalid(FieldErrors Errors) : SaveOutcome
{
    public static Invalid Because(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Set(field, message);
        return new Invalid(errors);
    }
}

/// <summary>Someone else saved the event since this editor opened it: <paramref name="Current"/> is what is stored now.</summary>
public sealed record Conflict(EventForm Current, string ChangedBy, DateTimeOffset ChangedAt) : SaveOutcome;

/// <summary>The thing to change no longer exists (or is in the trash).</summary>
public sealed record Missing(string Message) : SaveOutcome;

/// <summary>Told after every stored change, so that cached public pages and filter choices are refreshed at once.</summary>
public interface IContentChangeListener
{
    Task ContentChangedAsync(CancellationToken cancellationToken = default);
}

/// <summary>The same text (same content hash) is already in the library as article <paramref name="ExistingId"/>.</summary>
public sealed record Duplicate(int ExistingId, string ExistingTitle) : SaveOutcome;
