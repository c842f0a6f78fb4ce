using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace Timeline.Web.Caching;

/// <summary>Endpoint metadata: the endpoint sets its own Cache-Control (a file such as the theme stylesheet).</summary>
public sealed class SetsOwnCacheHeaders;
