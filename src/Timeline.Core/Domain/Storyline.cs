using System.Text.RegularExpressions;
using Timeline.Core.Dates;

namespace Timeline.Core.Domain;

/// <summary>A named storyline: a span of time with its own colour on the timeline.</summary>
public partial class Storyline
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown, rendered without raw HTML.</summary>
    public string Description { get; set; } = "";

    /// <summary>A CSS hex colour, "#rrggbb" (see <see cref="IsHexColour"/>): it goes into a style attribute.</summary>
    public string Colour { get; set; } = "#5b6b7f";

    public static bool IsHexColour(string? colour) => colour is not null && HexColour().IsMatch(colour);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();

    public PartialDate Start { get; set; }
    public PartialDate End { get; set; }

    /// <summary>Its timeline (/?era=slug) opens at its latest events rather than its first: a story still unfolding.</summary>
    public bool OpensAtLatest { get; set; }
}
