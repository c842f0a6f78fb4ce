namespace Timeline.Core.Domain;

/// <summary>
/// A count kept in step with the data it counts, in the same transaction as every change to it, so that pages
/// read a few small documents instead of counting: events per month ("m:all:2014-04", "m:e3:2014-04"), published
/// events per facet ("f:t12"), and the dashboard's totals ("d:drafts").
/// </summary>
public class Count
{
    public required string Id { get; set; }
    public int N { get; set; }
}
