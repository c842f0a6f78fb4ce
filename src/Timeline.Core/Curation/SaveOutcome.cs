namespace Timeline.Core.Curation;

/// <summary>What became of a save. The form the editor typed in is never changed by it.</summary>
public abstract record SaveOutcome;

/// <summary>Stored. <paramref name="Unchanged"/> when the form held nothing new, so nothing was written.</summary>
public sealed record Saved(int Id, string? Slug = null, int Version = 0, bool Unchanged = false) : SaveOutcome;

/// <summary>Refused with a message next to each faulty field.</summary>
public sealed record Invalid(FieldErrors Errors) : SaveOutcome;

/// <summary>Someone else saved the event since this editor opened it: <paramref name="Current"/> is what is stored now.</summary>
public sealed record Conflict(EventForm Current, string ChangedBy, DateTimeOffset ChangedAt) : SaveOutcome;

/// <summary>The thing to change no longer exists (or is in the trash).</summary>
public sealed record Missing(string Message) : SaveOutcome;

/// <summary>The same text (same content hash) is already in the library as article <paramref name="ExistingId"/>.</summary>
public sealed record Duplicate(int ExistingId, string ExistingTitle) : SaveOutcome;
