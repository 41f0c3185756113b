import type { LogEntryInput, OperationLog } from './audit/operationLog.ts';
import type { CatalogStore } from './catalog/catalogStore.ts';
import { countRows } from './enforcement/countRows.ts';
import type { EnforcementHooks } from './enforcement/enforcingGateway.ts';
import type { GatewayContext } from './requestContext.ts';

/**
 * What the operation log keeps of each operation (DESIGN §3.9, X-Road's rule that every exchange is
 * logged with who and why): every denial, every write with its input and result, and every read of
 * another office's items with the coordinates read and the rows returned. An office reading its own
 * data, and reads of the catalog itself, are not cross-office reads.
 */
export function recordOperation(store: CatalogStore, log: OperationLog): EnforcementHooks<GatewayContext>['record'] {
  return async (context, op) => {
    const { byCoordinate } = await store.snapshot();
    const viewer = context.viewer;
    const base = {
      actor: viewer ? { office: viewer.office, role: viewer.role, sub: viewer.sub, ...(viewer.unit ? { unit: viewer.unit } : {}) } : null,
      operationName: op.name,
      purpose: context.purpose,
      caseNumber: context.caseNumber,
    };
    const entries: LogEntryInput[] = [];
    if (op.filter.denials.length) {
      entries.push({
        ...base,
        kind: 'DENIAL',
        outcome: 'DENIED',
        coordinates: [...new Set(op.filter.denials.map((d) => d.coordinate))],
        detail: { reasons: Object.fromEntries(op.filter.denials.map((d) => [d.coordinate, d.decision.reason])) },
      });
    }
    // The catalog API logs its own changes with before and after; the offices' writes are logged here.
    const written = [...op.filter.allowed].filter((c) => c.startsWith('Mutation.') && byCoordinate.get(c)?.providerOffice !== 'coordination');
    if (op.type === 'mutation' && written.length) {
      entries.push({
        ...base,
        kind: 'WRITE',
        outcome: op.errors.some((e) => e.path?.length === 1) ? 'DENIED' : 'ALLOWED',
        coordinates: written,
        // `changes`: each row as the owner subgraph saw it before and after the write.
        detail: { changes: context.audit, input: op.variables, result: op.data ?? null, errors: op.errors.map((e) => e.message) },
      });
    }
    const crossOffice = [...op.filter.allowed].filter((c) => {
      const owner = byCoordinate.get(c)?.providerOffice;
      return owner !== undefined && owner !== 'coordination' && owner !== viewer?.office && !c.startsWith('Mutation.');
    });
    if (crossOffice.length) {
      entries.push({ ...base, kind: 'READ', outcome: 'ALLOWED', coordinates: crossOffice.sort(), rowsReturned: countRows(op.data) });
    }
    if (entries.length) await log.appendMany(entries);
  };
}
