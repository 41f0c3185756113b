import { Kind, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { coordinateAt } from './audit/coordinateAt.ts';
import type { LogEntryInput, LogKind, OperationLog } from './audit/operationLog.ts';
import type { SnapshotCache } from './catalog/snapshotCache.ts';
import { countRows } from './enforcement/countRows.ts';
import type { EnforcementHooks } from './enforcement/enforcingGateway.ts';
import type { GatewayContext, ReportedChange } from './requestContext.ts';

/** The log kind of a change the coordination group's subgraph reports, by the entity it changed. */
const CATALOG_KINDS: Record<string, LogKind> = { CatalogEntry: 'CATALOG', AccessRequest: 'REQUEST', Grant: 'GRANT' };

/** Error codes that are not a refusal of the caller but a failure of the hub. */
const FAILURE_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR', 'SUBGRAPH_UNAVAILABLE']);

/** Rows refused below the root kept in one DENIAL entry; the count says how many there were in all. */
const MAX_ROWS_LOGGED = 100;

type Base = Omit<LogEntryInput, 'kind' | 'outcome'>;

/** What an error says happened: the caller was refused (with the code it was told), or the hub failed. */
interface Verdict {
  refused: boolean;
  code: string;
  reason: string;
  why?: unknown;
}

function verdictOf(error: GraphQLError): Verdict {
  const code = error.extensions?.code;
  const why = error.extensions?.reason;
  const verdict = (refused: boolean, c: string): Verdict => ({ refused, code: c, reason: error.message, ...(why ? { why } : {}) });
  if (typeof code === 'string') return verdict(!FAILURE_CODES.has(code), code);
  // Variables that do not fit their types are refused by the gateway before it plans; Apollo Server
  // gives them their code (BAD_USER_INPUT) only after this hook.
  if (error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION) return verdict(true, 'BAD_USER_INPUT');
  return verdict(false, 'INTERNAL_SERVER_ERROR');
}

/** Each root field's response key (alias or name) and coordinate; the filter's placeholders are not fields the caller asked for. */
function rootFields(operation: OperationDefinitionNode): Map<string, string> {
  const type = operation.operation === 'mutation' ? 'Mutation' : 'Query';
  const fields = new Map<string, string>();
  for (const s of operation.selectionSet.selections) {
    if (s.kind === Kind.FIELD && !s.name.value.startsWith('__')) fields.set(s.alias?.value ?? s.name.value, `${type}.${s.name.value}`);
  }
  return fields;
}

/**
 * What the operation log keeps of each operation (DESIGN §3.9 and §5a.6, X-Road's rule that every
 * exchange is logged with who and why), as it actually happened:
 * - every mutation root field the caller sent, once: done → WRITE ALLOWED with what it changed, before
 *   and after, as the owner reported it (the coordination group's changes as CATALOG, REQUEST and GRANT
 *   entries); refused by the catalog or by the owner office → WRITE REFUSED with the code the caller
 *   got; failed (office unavailable, internal error) → WRITE FAILED. A refused write is never a DENIAL
 *   too, and never ALLOWED;
 * - every denial of a read: the catalog's (fields cut before planning), an office's refusal of a root
 *   field or of variables, and rows an office refused below the root (a unit operator reaching another
 *   unit's person through a list), each with its code;
 * - every read of another office's items, with the coordinates read and the rows returned. An office
 *   reading its own data, and reads of the catalog itself, are not cross-office reads.
 * Requests refused before the executor (parse, validation, operation limits, Idempotency-Key) are logged
 * by `logUnexecutedRequests`. A catalog change that went through refreshes the gateway's snapshot before
 * the answer is sent, so the next request is decided on it.
 */
export function recordOperation(snapshots: SnapshotCache, log: OperationLog): EnforcementHooks<GatewayContext>['record'] {
  return async (context, op) => {
    context.recorded = true;
    const { byCoordinate } = await snapshots.current();
    const viewer = context.viewer;
    const base: Base = {
      actor: viewer,
      operationName: op.name,
      purpose: context.purpose,
      caseNumber: context.caseNumber,
    };
    const mutation = op.type === 'mutation';
    const entries: LogEntryInput[] = [];
    const writeEntry = (outcome: 'REFUSED' | 'FAILED', coordinates: string[], key: string | null, v: Verdict): LogEntryInput => ({
      ...base,
      kind: 'WRITE',
      outcome,
      coordinates: [...new Set(coordinates)],
      detail: {
        field: coordinates.length === 1 ? coordinates[0] : null,
        ...(key && key !== coordinates[0]?.split('.')[1] ? { key } : {}),
        code: v.code,
        reason: v.reason,
        ...(v.why ? { why: v.why } : {}),
        input: op.variables,
      },
    });

    // The catalog's denials: a write it refused is a refused write; the rest are denied reads.
    const deniedWrites = op.filter.denials.filter((d) => d.coordinate.startsWith('Mutation.'));
    const deniedReads = op.filter.denials.filter((d) => !d.coordinate.startsWith('Mutation.'));
    if (deniedReads.length) {
      entries.push({
        ...base,
        kind: 'DENIAL',
        outcome: 'DENIED',
        coordinates: [...new Set(deniedReads.map((d) => d.coordinate))],
        detail: { reasons: Object.fromEntries(deniedReads.map((d) => [d.coordinate, d.decision.reason])) },
      });
    }
    for (const d of deniedWrites) {
      const reason = `${d.decision.messageZh} / ${d.decision.messageEn}`;
      entries.push(writeEntry('REFUSED', [d.coordinate], d.steps[0]?.key ?? null, { refused: true, code: 'FORBIDDEN', reason, why: d.decision.reason }));
    }

    // The offices' (and the gateway executor's) answers: before any root (variables), at a root, below it.
    const roots = rootFields(op.filter.operation);
    const atRoot = new Map<string, Verdict>();
    let beforeRoots: Verdict | undefined;
    const below: { path: string; coordinate: string | null; code: string; why?: unknown }[] = [];
    for (const error of op.subgraphErrors) {
      const verdict = verdictOf(error);
      const path = error.path ?? [];
      if (path.length === 0) beforeRoots = beforeRoots?.refused ? beforeRoots : verdict;
      else if (path.length === 1) {
        if (!atRoot.has(String(path[0]))) atRoot.set(String(path[0]), verdict);
      } else if (verdict.refused) {
        below.push({
          path: path.join('.'),
          coordinate: coordinateAt(op.schema, op.filter.operation, path),
          code: verdict.code,
          ...(verdict.why ? { why: verdict.why } : {}),
        });
      }
    }

    if (mutation) {
      const done: string[] = [];
      if (beforeRoots?.refused && roots.size) entries.push(writeEntry('REFUSED', [...roots.values()], null, beforeRoots));
      else {
        for (const [key, coordinate] of roots) {
          const verdict = atRoot.get(key) ?? (beforeRoots && (op.data as Record<string, unknown> | null)?.[key] == null ? beforeRoots : undefined);
          if (verdict) entries.push(writeEntry(verdict.refused ? 'REFUSED' : 'FAILED', [coordinate], key, verdict));
          else done.push(coordinate);
        }
      }
      const catalogChanges = context.audit.filter((c) => c.subgraph === 'catalog');
      const officeChanges = context.audit.filter((c) => c.subgraph !== 'catalog');
      const isCatalogWrite = (c: string) => byCoordinate.get(c)?.providerOffice === 'coordination';
      // The coordination group's write that made the changes (one per operation in practice).
      const catalogWrite = done.find(isCatalogWrite) ?? null;
      for (const change of catalogChanges) entries.push(catalogChangeEntry(base, catalogWrite, change));
      // A catalog write that changed nothing (an identical pending request answered with the existing one) is still a write done.
      const written = [...new Set(done.filter((c) => !isCatalogWrite(c) || !catalogChanges.length))];
      if (written.length) {
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
    } else {
      for (const [key, verdict] of atRoot) {
        if (!verdict.refused) continue;
        const field = roots.get(key) ?? key;
        entries.push({
          ...base,
          kind: 'DENIAL',
          outcome: 'DENIED',
          coordinates: [field],
          detail: { field, code: verdict.code, reason: verdict.reason, ...(verdict.why ? { why: verdict.why } : {}), args: op.variables },
        });
      }
      if (beforeRoots?.refused) {
        entries.push({
          ...base,
          kind: 'DENIAL',
          outcome: 'DENIED',
          coordinates: [...new Set(roots.values())],
          detail: { stage: 'VARIABLES', code: beforeRoots.code, reason: beforeRoots.reason, args: op.variables },
        });
      }
    }
    if (below.length) {
      entries.push({
        ...base,
        kind: 'DENIAL',
        outcome: 'DENIED',
        coordinates: [...new Set(below.map((r) => r.coordinate ?? r.path))].sort(),
        detail: { stage: 'ROWS', rowsRefused: below.length, rows: below.slice(0, MAX_ROWS_LOGGED), args: op.variables },
      });
    }

    const crossOffice = [...op.filter.allowed].filter((c) => {
      const owner = byCoordinate.get(c)?.providerOffice;
      return owner !== undefined && owner !== 'coordination' && owner !== viewer?.office && !c.startsWith('Mutation.');
    });
    if (crossOffice.length) {
      entries.push({ ...base, kind: 'READ', outcome: 'ALLOWED', coordinates: crossOffice.sort(), rowsReturned: countRows(op.data) });
    }
    if (context.audit.some((c) => c.subgraph === 'catalog')) await snapshots.refresh();
    if (entries.length) await log.appendMany(entries);
  };
}

function catalogChangeEntry(base: Base, field: string | null, change: ReportedChange): LogEntryInput {
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
