namespace Timeline.Core.Backups;

/// <summary>A backup could not be taken, read or restored; the message says why, in words for whoever runs the app.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
