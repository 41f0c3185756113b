import { and, eq, inArray, ne, notInArray, type SQL, sql } from 'drizzle-orm';
import { insertInChunks } from '@hub/schema';
import type { RunScope } from '../domain/verification/scopeCovers.ts';
import type { FindingDraft } from '../domain/verification/types.ts';
import type { CatalogDb } from './queries.ts';
import type { RunRow } from './runQueries.ts';
import { findingEvents, findings, runFindings, verificationRuns } from './schema.ts';

/** Who a run acts as in a finding's history. */
const RUN_ACTOR = { office: 'coordination', role: 'COORDINATOR', sub: 'verification-run' } as const;

/** Orders the stores of every worker on the catalog database (a transaction-level advisory lock). */
const STORE_LOCK = sql`select pg_advisory_xact_lock(hashtext('hub-verification-store'))`;

export type FoundDraft = FindingDraft & { level: string | null; system: string | null };

/** The findings a run of this scope covers, in SQL (the same rule as scopeCovers). */
function coveredBy(scope: RunScope): SQL | undefined {
  if (scope.kind === 'ALL') return undefined;
  if (scope.kind === 'LEVEL') return eq(findings.level, scope.value);
  if (scope.kind === 'SYSTEM') return eq(findings.system, scope.value);
  return eq(findings.creditCode, scope.value);
}

/**
 * Stores what a run found, in one transaction, compared with what earlier runs left: a key found
 * again is PERSISTING (a finding marked fixed that is found again is reopened), a new key or one
 * resolved before is NEW, an unresolved finding in the scope not found again is RESOLVED (confirming
 * a fix). Flagged values (校核纠错) are no run's to resolve. Nothing is stored if any of it fails.
 */
export async function storeRunResult(db: CatalogDb, run: RunRow, drafts: FoundDraft[], now: Date) {
  const scope: RunScope = { kind: run.scopeKind, value: run.scopeValue };
  return db.transaction(async (tx) => {
    // Runs of overlapping scopes (everything, and one institution) may finish at once on two workers:
    // one store at a time, each compared with what the one before it left (else both insert a new key).
    await tx.execute(STORE_LOCK);
    const keys = drafts.map((d) => d.key);
    const existing = new Map<string, typeof findings.$inferSelect>();
    for (let i = 0; i < keys.length; i += 1000) {
      for (const row of await tx
        .select()
        .from(findings)
        .where(inArray(findings.key, keys.slice(i, i + 1000))))
        existing.set(row.key, row);
    }
    const changes: { findingId: number; change: 'NEW' | 'PERSISTING' | 'RESOLVED' }[] = [];
    const events: (typeof findingEvents.$inferInsert)[] = [];
    const fresh = drafts.filter((d) => !existing.has(d.key));
    await insertInChunks(fresh, async (chunk) => {
      const rows = await tx
        .insert(findings)
        .values(
          chunk.map((d) => ({
            key: d.key,
            type: d.type,
            severity: d.severity,
            offices: d.offices,
            mustAct: d.mustAct,
            creditCode: d.creditCode,
            idNumber: d.idNumber,
            level: d.level,
            system: d.system,
            description: d.description,
            values: d.values,
            status: 'OPEN' as const,
            firstRunId: run.id,
            lastRunId: run.id,
            firstSeenAt: now,
            lastSeenAt: now,
          })),
        )
        .returning({ id: findings.id });
      for (const r of rows) changes.push({ findingId: r.id, change: 'NEW' });
    });
    const again: { id: number; d: FoundDraft; status: string; firstRunId: number | null; firstSeenAt: Date }[] = [];
    for (const d of drafts) {
      const before = existing.get(d.key);
      if (!before) continue;
      const reopened = before.status === 'FIXED';
      const back = before.status === 'RESOLVED';
      again.push({
        id: before.id,
        d,
        status: reopened || back ? 'OPEN' : before.status,
        firstRunId: back ? run.id : before.firstRunId,
        firstSeenAt: back ? now : before.firstSeenAt,
      });
      changes.push({ findingId: before.id, change: back ? 'NEW' : 'PERSISTING' });
      if (reopened)
        events.push({ findingId: before.id, action: 'REOPEN', ...RUN_ACTOR, at: now, runId: run.id, note: '核查再次发现 / found again by the run' });
    }
    // Found again: one statement per chunk (update … from values), not one per finding.
    await insertInChunks(
      again,
      (chunk) =>
        tx.execute(sql`update ${findings} as f set
          severity = v.severity, offices = v.offices::jsonb, must_act = v.must_act, description = v.description,
          "values" = v."values"::jsonb, level = v.level, system = v.system, status = v.status,
          first_run_id = v.first_run_id::int, first_seen_at = v.first_seen_at::timestamptz,
          last_run_id = ${run.id}, last_seen_at = ${now.toISOString()}::timestamptz
        from (values ${sql.join(
          chunk.map(
            (a) =>
              sql`(${a.id}::int, ${a.d.severity}::text, ${JSON.stringify(a.d.offices)}::text, ${a.d.mustAct}::text, ${a.d.description}::text,
                ${JSON.stringify(a.d.values)}::text, ${a.d.level}::text, ${a.d.system}::text, ${a.status}::text, ${a.firstRunId}::int, ${a.firstSeenAt.toISOString()}::text)`,
          ),
          sql`, `,
        )}) as v(id, severity, offices, must_act, description, "values", level, system, status, first_run_id, first_seen_at)
        where f.id = v.id`),
      500,
    );
    const gone = await tx
      .update(findings)
      .set({ status: 'RESOLVED', lastRunId: run.id })
      .where(
        and(
          ne(findings.status, 'RESOLVED'),
          ne(findings.type, 'FLAGGED_VALUE'),
          keys.length ? notInArray(findings.key, keys) : undefined,
          coveredBy(scope),
          // A finding about no institution (stale data) is covered by a run of everything only.
          scope.kind === 'ALL' ? undefined : sql`${findings.creditCode} is not null`,
        ),
      )
      .returning({ id: findings.id });
    for (const g of gone) {
      changes.push({ findingId: g.id, change: 'RESOLVED' });
      events.push({ findingId: g.id, action: 'CONFIRM_RESOLVED', ...RUN_ACTOR, at: now, runId: run.id, note: '核查未再发现 / not found again by the run' });
    }
    await insertInChunks(changes, (chunk) => tx.insert(runFindings).values(chunk.map((c) => ({ runId: run.id, ...c }))));
    await insertInChunks(events, (chunk) => tx.insert(findingEvents).values(chunk));
    const count = (c: string) => changes.filter((x) => x.change === c).length;
    const [done] = await tx
      .update(verificationRuns)
      .set({
        status: 'SUCCEEDED',
        finishedAt: now,
        leaseUntil: null,
        findingCount: drafts.length,
        newCount: count('NEW'),
        persistingCount: count('PERSISTING'),
        resolvedCount: count('RESOLVED'),
      })
      .where(and(eq(verificationRuns.id, run.id), eq(verificationRuns.worker, run.worker!), eq(verificationRuns.status, 'RUNNING')))
      .returning();
    // Taken over meanwhile (this worker's lease ran out): the other worker's result counts, not this one's.
    if (!done) throw new Error(`run ${run.id} is no longer this worker's`);
    return done;
  });
}
