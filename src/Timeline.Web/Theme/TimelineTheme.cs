using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Timeline.Web.Theme;

/// <summary>
/// The site's look, defined once: a calm news page (serif headings, dark ink on warm paper, one blue accent).
/// MudBlazor's components read it through their --mud-* variables, and the site's own CSS (app.css) takes its
/// colours and fonts from the same variables, so reader and curator pages cannot drift apart.
/// </summary>
public static partial class TimelineTheme
{
    private static readonly string[] Sans = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];
    private static readonly string[] Serif = ["Georgia", "Iowan Old Style", "Times New Roman", "serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            PrimaryDarken = "#174a6c",
            PrimaryLighten = "#e3eef6",
            Secondary = "#56606b",
            Background = "#f7f6f2",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1d2329",
            TextPrimary = "#1d2329",
            TextSecondary = "#56606b",
            LinesDefault = "#dcd9d0",
            Divider = "#dcd9d0",
            TableLines = "#dcd9d0",
            // MudBlazor's defaults put white text on colours of 2.2–3.7 : 1; these reach WCAG AA (4.5 : 1 or more).
            Success = "#2e6b34",
            Warning = "#8a4b00",
            Info = "#1f5f8b",
            Error = "#b3261e",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Sans },
            H1 = new H1Typography { FontFamily = Serif, FontSize = "2rem", FontWeight = "700", LineHeight = "1.2" },
            H2 = new H2Typography { FontFamily = Serif, FontSize = "1.5rem", FontWeight = "700", LineHeight = "1.25" },
            H3 = new H3Typography { FontFamily = Serif, FontSize = "1.25rem", FontWeight = "700", LineHeight = "1.3" },
            H4 = new H4Typography { FontFamily = Serif, FontSize = "1.1rem", FontWeight = "700", LineHeight = "1.3" },
            H5 = new H5Typography { FontFamily = Serif, FontSize = "1rem", FontWeight = "700", LineHeight = "1.4" },
            H6 = new H6Typography { FontFamily = Serif, FontSize = "1rem", FontWeight = "700", LineHeight = "1.4" },
            Body1 = new Body1Typography { FontFamily = Serif },
            Button = new ButtonTypography { FontFamily = Sans, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "4px" },
    };

    /// <summary>
    /// The theme as a stylesheet. MudThemeProvider writes it as inline style elements, which the site's policy
    /// (style-src 'self') refuses; so it is rendered once, here, and served as a file (/theme.css). Its output
    /// format is not a documented API, hence rendered from the package in use (once, on first use), never committed.
    /// </summary>
    public static async Task<string> RenderStylesheetAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = Theme });
            return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        });
        var css = string.Join("\n", StyleElement().Matches(html).Select(m => m.Groups[1].Value.Trim()));
        if (!css.Contains("--mud-palette-primary", StringComparison.Ordinal))
            throw new InvalidOperationException("MudThemeProvider rendered no palette variables; the theme stylesheet cannot be made.");
        return css + "\n";
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
