using Microsoft.AspNetCore.Components;

namespace Timeline.Web.Hosting;

/// <summary>
/// What a page could not find, for the router's NotFoundPage: a page calls <see cref="Show"/> and the reader
/// gets a 404 whose heading and sentence say what was missing ("Event not found"), in the same response.
/// </summary>
public sealed class NotFoundReason(NavigationManager navigation)
{
    public const string DefaultHeading = "Page not found";
    public const string DefaultMessage = "This address does not lead to any page of the timeline. Perhaps the link was cut short or mistyped.";

    public string Heading { get; private set; } = DefaultHeading;
    public string Message { get; private set; } = DefaultMessage;

    /// <summary>Answers 404 and renders the NotFoundPage with this heading and message instead of the page.</summary>
    public void Show(string heading, string message)
    {
        (Heading, Message) = (heading, message);
        navigation.NotFound();
    }
}
