import { Kind, type OperationDefinitionNode } from 'graphql';
import type { LogEntryInput, LogKind, OperationLog } from './audit/operationLog.ts';
import type { SnapshotCache } from './catalog/snapshotCache.ts';
import { countRows } from './enforcement/countRows.ts';
import type { EnforcementHooks } from './enforcement/enforcingGateway.ts';
import type { GatewayContext, ReportedChange } from './requestContext.ts';

/** The log kind of a change the coordination group's subgraph reports, by the entity it changed. */
const CATALOG_KINDS: Record<string, LogKind> = { CatalogEntry: 'CATALOG', AccessRequest: 'REQUEST', Grant: 'GRANT' };

/** Error codes that are not a refusal of the caller but a failure of the hub. */
const FAILURE_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR', 'SUBGRAPH_UNAVAILABLE']);

/** Each root field's response key (alias or name) and coordinate. */
function rootFields(operation: OperationDefinitionNode): Map<string, string> {
  const type = operation.operation === 'mutation' ? 'Mutation' : 'Query';
  const fields = new Map<string, string>();
  for (const s of operation.selectionSet.selections) if (s.kind === Kind.FIELD) fields.set(s.alias?.value ?? s.name.value, `${type}.${s.name.value}`);
  return fields;
}

/**
 * What the operation log keeps of each operation (DESIGN §3.9, X-Road's rule that every exchange is
 * logged with who and why): every denial, whether the catalog's (fields cut before planning) or an
 * office's (a root field it refused, with its code); every write with what it changed, before and
 * after, as the owner reported it; and every read of another office's items with the coordinates read
 * and the rows returned. An office reading its own data, and reads of the catalog itself, are not
 * cross-office reads. A catalog change that went through refreshes the gateway's snapshot before the
 * answer is sent, so the next request is decided on it.
 */
export function recordOperation(snapshots: SnapshotCache, log: OperationLog): EnforcementHooks<GatewayContext>['record'] {
  return async (context, op) => {
    const { byCoordinate } = await snapshots.current();
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
    const roots = rootFields(op.filter.operation);
    const refusedRoots = new Set<string>();
    for (const error of op.subgraphErrors) {
      const code = error.extensions?.code;
      const key = error.path?.[0];
      if (typeof code !== 'string' || FAILURE_CODES.has(code) || typeof key !== 'string' || error.path!.length !== 1) continue;
      const field = roots.get(key) ?? key;
      refusedRoots.add(field);
      entries.push({
        ...base,
        kind: 'DENIAL',
        outcome: 'DENIED',
        coordinates: [field],
        detail: { field, code, reason: error.message, ...(error.extensions?.reason ? { why: error.extensions.reason } : {}), args: op.variables },
      });
    }

    const catalogChanges = context.audit.filter((c) => c.subgraph === 'catalog');
    const officeChanges = context.audit.filter((c) => c.subgraph !== 'catalog');
    // The coordination group's write that made the changes (one per operation in practice).
    const catalogWrite = [...roots.values()].find((c) => c.startsWith('Mutation.') && byCoordinate.get(c)?.providerOffice === 'coordination') ?? null;
    for (const change of catalogChanges) entries.push(catalogChangeEntry(base, catalogWrite, change));
    const written = [...op.filter.allowed].filter(
      (c) => c.startsWith('Mutation.') && byCoordinate.get(c)?.providerOffice !== 'coordination' && !refusedRoots.has(c),
    );
    if (op.type === 'mutation' && written.length) {
      entries.push({
        ...base,
        kind: 'WRITE',
        outcome: 'ALLOWED',
        coordinates: written,
        // `changes`: each row as the owner subgraph saw it before and after the write.
        detail: {
          changes: officeChanges.map(({ subgraph: _, ...change }) => change),
          input: op.variables,
          result: op.data ?? null,
          errors: op.errors.map((e) => e.message),
        },
      });
    }
    const crossOffice = [...op.filter.allowed].filter((c) => {
      const owner = byCoordinate.get(c)?.providerOffice;
      return owner !== undefined && owner !== 'coordination' && owner !== viewer?.office && !c.startsWith('Mutation.');
    });
    if (crossOffice.length) {
      entries.push({ ...base, kind: 'READ', outcome: 'ALLOWED', coordinates: crossOffice.sort(), rowsReturned: countRows(op.data) });
    }
    if (catalogChanges.length) await snapshots.refresh();
    if (entries.length) await log.appendMany(entries);
  };
}

function catalogChangeEntry(base: Omit<LogEntryInput, 'kind' | 'outcome'>, field: string | null, change: ReportedChange): LogEntryInput {
  return {
    ...base,
    kind: CATALOG_KINDS[change.entity] ?? 'CATALOG',
    outcome: 'ALLOWED',
    coordinates: [...(field ? [field] : []), ...(change.coordinates ?? [])],
    ...(change.purpose !== undefined && { purpose: change.purpose }),
    ...(change.caseNumber !== undefined && { caseNumber: change.caseNumber }),
    detail: { field, action: change.action, before: change.before, after: change.after },
  };
}
