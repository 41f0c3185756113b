import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { ErrorCode, hubError, logError } from '@hub/schema';
import { canonicalJson } from '../audit/canonicalJson.ts';
import type { OperationLog } from '../audit/operationLog.ts';
import { rootCoordinates } from '../audit/rootCoordinates.ts';
import type { GatewayDb } from '../db/open.ts';
import type { GatewayContext } from '../requestContext.ts';
import { createIdempotencyStore, type IdempotencyStore, type KeyOwner } from './idempotencyStore.ts';

/** The request header (draft-ietf-httpapi-idempotency-key-header) and the header a replayed answer carries (as Stripe's API does). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

/** A key: 1–128 characters of letters, digits and `-._~:+/=` (a UUID, a ULID, base64 fit), bare or as a structured-field string ("…"). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;
const KEY_PATTERN = /^[A-Za-z0-9._~:+/=-]+$/;

/** Keys are kept this long from their first use unless IDEMPOTENCY_TTL says otherwise. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/**
 * How long a first request holds its key without an answer: far longer than any request takes, so a
 * retry never runs beside it; after it (the gateway stopped mid-request) the same request may run again.
 */
const IN_FLIGHT_LEASE_MS = 5 * 60_000;

/** How often expired keys are deleted (at most this often, and at least once per TTL). */
const PURGE_EVERY_MS = 10 * 60_000;

/** The key as sent, or a 400 saying what a key must be. */
export function readIdempotencyKey(raw: string): string {
  const value = raw.trim();
  const key = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  if (key.length >= 1 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH && KEY_PATTERN.test(key)) return key;
  throw hubError(
    ErrorCode.IDEMPOTENCY_KEY_INVALID,
    'Idempotency-Key',
    `Idempotency-Key 应为 1 到 ${MAX_IDEMPOTENCY_KEY_LENGTH} 个字母、数字或 -._~:+/= 字符`,
    `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} letters, digits or -._~:+/= characters`,
    { http: { status: 400 } },
  );
}

/** What makes two requests the same request: the operation text, the operation name and the variables (RFC 8785 canonical JSON, SHA-256). */
export function requestFingerprint(query: string, operationName: string | null, variables: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson({ query, operationName, variables })).digest('hex');
}

export interface IdempotencyOptions {
  /** How long a key is kept (IDEMPOTENCY_TTL). */
  ttlMs: number;
  now: () => Date;
  /** Where a replay is logged. */
  log: OperationLog;
}

export interface Idempotency {
  plugin: ApolloServerPlugin<GatewayContext>;
  store: IdempotencyStore;
  /** Stops the purge of expired keys. */
  stop(): void;
}

/**
 * Safe retries of mutations (README, "Safe retries"): a mutation sent with an Idempotency-Key runs
 * once per caller and key; a retry with the same operation, name and variables gets the first answer
 * again (status and body, with `Idempotent-Replayed: true`) and writes nothing; the same key with
 * another request is refused (422), and so is a retry while the first has no answer yet (409). A
 * mutation without a key runs as before; queries ignore the header. A replay is logged as WRITE
 * REPLAYED, never as a second write. Keys of callers without a token are not kept: they would be
 * shared by every such caller, and such callers write nothing.
 */
export function createIdempotency(db: GatewayDb, options: IdempotencyOptions): Idempotency {
  const { ttlMs, now, log } = options;
  const store = createIdempotencyStore(db, { ttlMs, leaseMs: IN_FLIGHT_LEASE_MS, now });
  const purge = setInterval(
    () => void store.purgeExpired().catch((error) => logError({ source: 'gateway: idempotency keys: purge failed' }, error)),
    Math.min(ttlMs, PURGE_EVERY_MS),
  );
  purge.unref();

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart({ request }) {
      const header = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (header === undefined) return;
      let held: { owner: KeyOwner; key: string; fingerprint: string } | undefined;
      let executed = false;
      let replay: GraphQLResponse | null = null;
      return {
        async didResolveOperation({ operation, contextValue, source, request: req, document, operationName }) {
          if (operation?.operation !== 'mutation') return;
          const key = readIdempotencyKey(header);
          const viewer = contextValue.viewer;
          if (!viewer) return;
          const owner = { office: viewer.office, sub: viewer.sub };
          const fingerprint = requestFingerprint(source ?? req.query ?? '', req.operationName ?? null, req.variables ?? {});
          const claim = await store.claim(owner, key, fingerprint);
          if (claim.kind === 'CLAIMED') held = { owner, key, fingerprint };
          else if (claim.kind === 'REUSED') {
            throw hubError(
              ErrorCode.IDEMPOTENCY_KEY_REUSED,
              'Idempotency-Key',
              '此 Idempotency-Key 已用于另一请求（操作、操作名或变量不同）',
              'this Idempotency-Key was already used for another request (a different operation, operation name or variables)',
              { http: { status: 422 } },
            );
          } else if (claim.kind === 'IN_FLIGHT') {
            throw hubError(
              ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT,
              'Idempotency-Key',
              '使用此 Idempotency-Key 的首个请求仍在处理中，请稍后重试',
              'the first request with this Idempotency-Key is still being processed; retry shortly',
              { http: { status: 409, headers: new HeaderMap([['retry-after', '1']]) } },
            );
          } else {
            replay = {
              http: { status: claim.status, headers: new HeaderMap([[REPLAYED_HEADER, 'true']]) },
              body: { kind: 'single', singleResult: JSON.parse(claim.body) },
            };
            await log.append({
              kind: 'WRITE',
              outcome: 'REPLAYED',
              actor: viewer,
              operationName: operationName ?? null,
              coordinates: rootCoordinates(document, operationName),
              purpose: contextValue.purpose,
              caseNumber: contextValue.caseNumber,
              detail: { idempotencyKey: key, status: claim.status, firstAnsweredAt: claim.answeredAt.toISOString() },
            });
          }
        },
        async responseForOperation() {
          return replay;
        },
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ response }) {
          if (!held) return;
          // Claimed, then refused before it ran (another plugin): nothing happened, so a retry may run.
          if (!executed || response.body.kind !== 'single') return store.release(held.owner, held.key, held.fingerprint);
          // The write is done: its caller gets the answer even if the key cannot keep it (a retry then waits out the lease).
          await store
            .complete(held.owner, held.key, held.fingerprint, { status: response.http.status ?? 200, body: JSON.stringify(response.body.singleResult) })
            .catch((error) => logError({ source: 'gateway: idempotency key: the answer could not be kept' }, error));
        },
      };
    },
  };
  return { plugin, store, stop: () => clearInterval(purge) };
}
