import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { GatewayDb } from '../db/open.ts';
import { idempotencyKeys } from '../db/schema.ts';

/** Whose key: keys are kept per caller (office and subject), so two callers' equal keys never meet. */
export interface KeyOwner {
  office: string;
  sub: string;
}

/** What a request with a key may do: run (it holds the key now), replay the first answer, or be refused. */
export type Claim = { kind: 'CLAIMED' } | { kind: 'REPLAY'; status: number; body: string; answeredAt: Date } | { kind: 'REUSED' } | { kind: 'IN_FLIGHT' };

export interface IdempotencyStore {
  /** Takes the key for a request with this fingerprint, or says why not; one of two racing claims wins. */
  claim(owner: KeyOwner, key: string, fingerprint: string): Promise<Claim>;
  /** Keeps the answer of the request that holds the key. */
  complete(owner: KeyOwner, key: string, fingerprint: string, answer: { status: number; body: string }): Promise<void>;
  /** Gives the key up unanswered (the request it was claimed for never ran), so a retry runs. */
  release(owner: KeyOwner, key: string, fingerprint: string): Promise<void>;
  /** Deletes the keys that have expired; how many. */
  purgeExpired(): Promise<number>;
}

export interface IdempotencyStoreOptions {
  /** How long a key is kept from its first use. */
  ttlMs: number;
  /** How long a claim without an answer holds the key; after it a retry with the same input may run. */
  leaseMs: number;
  now: () => Date;
}

/**
 * The keys in the gateway's own database. A claim is one INSERT … ON CONFLICT DO UPDATE on the
 * (office, subject, key) primary key: of two racing requests PostgreSQL lets one insert and makes the
 * other wait for it, then see its row. The update takes the row over only when the key has expired, or
 * when its first request never answered within the lease and this is the same request again.
 */
export function createIdempotencyStore(db: GatewayDb, options: IdempotencyStoreOptions): IdempotencyStore {
  const { ttlMs, leaseMs, now } = options;
  const ownKey = (owner: KeyOwner, key: string) =>
    and(eq(idempotencyKeys.callerOffice, owner.office), eq(idempotencyKeys.callerSub, owner.sub), eq(idempotencyKeys.key, key));

  async function tryClaim(owner: KeyOwner, key: string, fingerprint: string): Promise<Claim | null> {
    const at = now();
    const fresh = {
      fingerprint,
      createdAt: at,
      expiresAt: new Date(at.getTime() + ttlMs),
      leaseUntil: new Date(at.getTime() + leaseMs),
      responseStatus: null,
      responseBody: null,
      answeredAt: null,
    };
    const taken = await db
      .insert(idempotencyKeys)
      .values({ callerOffice: owner.office, callerSub: owner.sub, key, ...fresh })
      .onConflictDoUpdate({
        target: [idempotencyKeys.callerOffice, idempotencyKeys.callerSub, idempotencyKeys.key],
        set: fresh,
        setWhere: or(
          lte(idempotencyKeys.expiresAt, at),
          and(isNull(idempotencyKeys.responseStatus), lte(idempotencyKeys.leaseUntil, at), eq(idempotencyKeys.fingerprint, fingerprint)),
        ),
      })
      .returning({ key: idempotencyKeys.key });
    if (taken.length) return { kind: 'CLAIMED' };
    const [row] = await db.select().from(idempotencyKeys).where(ownKey(owner, key));
    // Purged between the two statements: claim again.
    if (!row) return null;
    if (row.fingerprint !== fingerprint) return { kind: 'REUSED' };
    if (row.responseStatus === null || row.responseBody === null) return { kind: 'IN_FLIGHT' };
    return { kind: 'REPLAY', status: row.responseStatus, body: row.responseBody, answeredAt: row.answeredAt ?? row.createdAt };
  }

  return {
    async claim(owner, key, fingerprint) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const claim = await tryClaim(owner, key, fingerprint);
        if (claim) return claim;
      }
      return { kind: 'IN_FLIGHT' };
    },
    async complete(owner, key, fingerprint, answer) {
      await db
        .update(idempotencyKeys)
        .set({ responseStatus: answer.status, responseBody: answer.body, answeredAt: now() })
        .where(and(ownKey(owner, key), eq(idempotencyKeys.fingerprint, fingerprint), isNull(idempotencyKeys.responseStatus)));
    },
    async release(owner, key, fingerprint) {
      await db.delete(idempotencyKeys).where(and(ownKey(owner, key), eq(idempotencyKeys.fingerprint, fingerprint), isNull(idempotencyKeys.responseStatus)));
    },
    async purgeExpired() {
      const purged = await db.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now())).returning({ key: idempotencyKeys.key });
      return purged.length;
    },
  };
}
