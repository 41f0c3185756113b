import type { PageEntry, PageGrant, PageRequest, PageVersion } from './types.ts';

const ENTRY_FIELDS = `code classification name providerOffice providerCode summary format shareType shareConditions shareMethod open
  updateCycle publishedOn relatedCodes basis maintainer status version updatedAt items { coordinate name dataType sensitivity }`;
const REQUEST_FIELDS = 'id entryCode requesterOffice requesterSub purpose caseNumber coordinates periodFrom periodTo status submittedAt dueOn overdue';

/** The list page: every entry, and the pending requests the viewer may see. */
export const LIST_QUERY = `query CatalogPageList { catalogEntries { ${ENTRY_FIELDS} } accessRequests(status: PENDING) { ${REQUEST_FIELDS} } }`;

/** The detail page: one entry with its grants, pending requests and versions, as far as the viewer may see them. */
export const DETAIL_QUERY = `query CatalogPageDetail($code: ID!) {
  catalogEntry(code: $code) {
    ${ENTRY_FIELDS}
    grants { id granteeOffice coordinates grantedAt expiresAt revokedAt revokeReason }
    pendingRequests { ${REQUEST_FIELDS} }
    versions { version changedBy changedAt changes { field before after } }
  }
  catalogEntries { code }
}`;

// biome-ignore lint/suspicious/noExplicitAny: one object of the page query's answer; each reader below names the fields it takes
type Json = Record<string, any>;
const instant = (value: string | null) => (value === null ? null : new Date(value));

export const readEntry = (e: Json): PageEntry => ({ ...(e as PageEntry), updatedAt: new Date(e.updatedAt) });
export const readRequest = (r: Json): PageRequest => ({ ...(r as PageRequest), submittedAt: new Date(r.submittedAt) });
export const readGrant = (g: Json): PageGrant => ({
  ...(g as PageGrant),
  grantedAt: new Date(g.grantedAt),
  expiresAt: new Date(g.expiresAt),
  revokedAt: instant(g.revokedAt),
});
/** The API gives each change's before and after as JSON text, so every type reads back the same way. */
export const readVersion = (v: Json): PageVersion => ({
  version: v.version,
  changedBy: v.changedBy,
  changedAt: new Date(v.changedAt),
  changes: Object.fromEntries((v.changes as Json[]).map((c) => [c.field, { before: JSON.parse(c.before), after: JSON.parse(c.after) }])),
});
