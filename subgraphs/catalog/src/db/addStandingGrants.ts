import { and, eq } from 'drizzle-orm';
import type { CatalogDb } from './queries.ts';
import { accessRequests, catalogItems, grants } from './schema.ts';

/** The coordination group's standing grant (常设授权): its purpose, and the bulk-read entries of the other offices. */
export const STANDING_GRANT = {
  purpose: '机构编制核查（协调小组常设授权，按月、按半年及按需核查）/ cross-office verification by the coordination group (standing grant)',
  grantee: 'staffing',
  entries: ['RS-07-001', 'ZZB-07-001', 'CZ-07-001'],
  until: '2099-12-31',
} as const;

/**
 * At every start: the coordination group (its office hosted by the Staffing Office, so its tokens are
 * the Staffing Office's) holds an approved request and a live grant on each bulk-read entry, visible in
 * the catalog like any other grant (and revocable like one: a revoked grant is not made again).
 */
export async function addStandingGrants(db: CatalogDb): Promise<void> {
  for (const entryCode of STANDING_GRANT.entries) {
    const [held] = await db
      .select({ id: grants.id })
      .from(grants)
      .innerJoin(accessRequests, eq(accessRequests.id, grants.requestId))
      .where(and(eq(grants.entryCode, entryCode), eq(grants.granteeOffice, STANDING_GRANT.grantee), eq(accessRequests.purpose, STANDING_GRANT.purpose)));
    if (held) continue;
    const items = await db.select({ coordinate: catalogItems.coordinate }).from(catalogItems).where(eq(catalogItems.entryCode, entryCode));
    if (items.length === 0) continue;
    const coordinates = items.map((i) => i.coordinate).sort();
    const now = new Date();
    await db.transaction(async (tx) => {
      const [request] = await tx
        .insert(accessRequests)
        .values({
          entryCode,
          requesterOffice: STANDING_GRANT.grantee,
          requesterSub: 'coordination-group',
          purpose: STANDING_GRANT.purpose,
          coordinates,
          periodFrom: '2026-12-01',
          periodTo: STANDING_GRANT.until,
          status: 'APPROVED',
          dueOn: '2026-12-01',
          decidedAt: now,
          decidedBy: 'system:standing-grant',
          decisionReason: '协调小组审定的常设授权 / standing grant agreed by the coordination group',
        })
        .returning({ id: accessRequests.id });
      await tx.insert(grants).values({
        requestId: request!.id,
        entryCode,
        granteeOffice: STANDING_GRANT.grantee,
        coordinates,
        expiresAt: new Date(`${STANDING_GRANT.until}T23:59:59.999+08:00`),
      });
    });
  }
}
