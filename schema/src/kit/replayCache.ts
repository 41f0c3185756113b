/** What `claim` found: a new id (now kept), one already seen and still alive, or no room left. */
export type ReplayClaim = 'FRESH' | 'SEEN' | 'FULL';

export interface ReplayCache {
  /** Keeps `id` until `until` (ms since the epoch) unless it is already kept. */
  claim(id: string, until: number, now?: number): ReplayClaim;
  /** How many ids are kept (expired ones may linger until the next claim needs room). */
  readonly size: number;
}

/** Room for 100,000 live ids: about 2,700 requests a second to one subgraph, each id kept 36 s (README, "How the gateway vouches for a request"). */
export const DEFAULT_REPLAY_CACHE_SIZE = 100_000;

/**
 * The ids (signature nonces) a subgraph has accepted, each kept until its credential could no longer
 * be accepted anyway. In memory, for one process: several instances of one subgraph would need one
 * shared store (Redis `SET id 1 NX PX ttl`). Bounded: when full of live ids it answers FULL and the
 * caller refuses the request rather than forget an id that could then be replayed.
 */
export function createReplayCache(maxEntries = DEFAULT_REPLAY_CACHE_SIZE): ReplayCache {
  // Map keeps insertion order, which is nearly expiry order (one lifetime for all): the oldest go first.
  const kept = new Map<string, number>();
  const sweep = (now: number, all: boolean) => {
    for (const [id, until] of kept) {
      if (until <= now) kept.delete(id);
      else if (!all) break;
    }
  };
  return {
    claim(id, until, now = Date.now()) {
      sweep(now, false);
      const known = kept.get(id);
      if (known !== undefined && known > now) return 'SEEN';
      if (kept.size >= maxEntries) sweep(now, true);
      if (kept.size >= maxEntries) return 'FULL';
      kept.delete(id);
      kept.set(id, until);
      return 'FRESH';
    },
    get size() {
      return kept.size;
    },
  };
}
