import { logError } from '@hub/schema';
import { indexSnapshot, type CatalogSource, type IndexedSnapshot } from '@hub/schema/contracts';

export interface SnapshotCacheOptions {
  /**
   * How old a snapshot may be when a request uses it. Changes made through this gateway refresh it
   * at once; changes made through another gateway instance arrive within this time.
   */
  maxAgeMs?: number;
  /**
   * How long the last snapshot keeps serving while the catalog cannot be read. Past it the gateway
   * fails closed: requests are refused rather than decided on a catalog of unknown age.
   */
  maxStaleMs?: number;
  /** The clock of the ages above (tests move it). */
  clock?: () => number;
}

export interface SnapshotCache {
  /** The snapshot to decide this request on: the held one while fresh, else a new read (one at a time). */
  current(): Promise<IndexedSnapshot>;
  /** Reads the catalog now (after a catalog change passed through this gateway). */
  refresh(): Promise<IndexedSnapshot>;
  /** True while the held snapshot may still be used (younger than `maxStaleMs`): what readiness asks. */
  usable(): boolean;
  stop(): void;
}

/**
 * The gateway's copy of the catalog (entries, items and unrevoked grants) from its CatalogSource. A
 * timer refreshes it ahead of its age limit, so requests normally never wait for a read; a request
 * that finds it older than `maxAgeMs` (the timer was late, or a read failed) waits for a fresh one.
 */
export async function createSnapshotCache(source: CatalogSource, options: SnapshotCacheOptions = {}): Promise<SnapshotCache> {
  const { maxAgeMs = 1000, maxStaleMs = 60_000, clock = Date.now } = options;
  const first = await source.load();
  let held = indexSnapshot(first);
  // The snapshot as read: an unchanged catalog keeps the same indexed snapshot, and with it the
  // enforcement's caches keyed by it (cachedDecide.ts), from one refresh to the next.
  let heldText = JSON.stringify(first);
  let loadedAt = clock();
  let loading: Promise<IndexedSnapshot> | null = null;

  const refresh = () =>
    (loading ??= source
      .load()
      .then((snapshot) => {
        const text = JSON.stringify(snapshot);
        if (text !== heldText) {
          held = indexSnapshot(snapshot);
          heldText = text;
        }
        loadedAt = clock();
        return held;
      })
      .finally(() => {
        loading = null;
      }));

  const timer = setInterval(
    () => {
      refresh().catch((error) => logError({ source: 'gateway: catalog snapshot refresh failed; keeping the last one' }, error, 'warn'));
    },
    Math.max(50, Math.floor(maxAgeMs / 2)),
  );
  timer.unref();

  return {
    async current() {
      if (clock() - loadedAt <= maxAgeMs) return held;
      try {
        return await refresh();
      } catch (error) {
        if (clock() - loadedAt <= maxStaleMs) return held;
        throw error;
      }
    },
    refresh,
    usable: () => clock() - loadedAt <= maxStaleMs,
    stop: () => clearInterval(timer),
  };
}
