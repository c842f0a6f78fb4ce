using Microsoft.AspNetCore.Identity;
using System.Text;
using Timeline.Core.Text;

namespace Timeline.Web.Accounts;

/// <summary>
/// Identity's upper-case lookup key for a user name, as the framework's UpperInvariantLookupNormalizer makes it,
/// but for any string: the framework's throws on noncharacters such as U+FFFE (a sign-in with such a name
/// answered 500). Such code points become U+FFFD, which no valid user name contains, so the lookup finds nobody.
/// </summary>
public sealed class CuratorNameNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name is null ? null : UnicodeText.Normalize(name, NormalizationForm.FormC).ToUpperInvariant();

    public string? NormalizeEmail(string? email) => NormalizeName(email);
}
