using Astropal.Data;

namespace Astropal.Web.Features.Audit;

/// <summary>One page of the audit log and how many entries match the filter in all.</summary>
public sealed record AuditPageOfEntries(IReadOnlyList<AuditEntry> Entries, int Total);
