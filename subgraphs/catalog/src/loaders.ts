import DataLoader from 'dataloader';
import { manyByKey } from '@hub/schema';
import * as q from './db/queries.ts';
import { eventsOfFindings } from './db/findingQueries.ts';

/** A read done at most once per request (a request sees one state of the catalog). */
const once = <T>(load: () => Promise<T>) => {
  let value: Promise<T> | undefined;
  return {
    load: () => {
      value ??= load();
      return value;
    },
    clear: () => {
      value = undefined;
    },
  };
};

/**
 * Per-request reads behind the entry and request types, so a list of N entries costs one query for
 * their grants, one for their pending requests and one for their versions, not N each. A mutation
 * calls `clearAll` after it writes, so what it returns is fresh.
 */
export function createLoaders(db: q.CatalogDb) {
  const loaders = {
    /** Every entry with its items. */
    entries: once(() => q.entriesWithItems(db)),
    /** Every grant, revoked and expired ones included. */
    allGrants: once(() => q.grantsWhere(db, {})),
    /** Every pending request. */
    pendingRequests: once(() => q.requests(db, { status: 'PENDING' })),
    /** An entry's versions, newest first. */
    versionsByEntry: new DataLoader(async (codes: readonly string[]) => manyByKey(codes, await q.versionsOfEntries(db, codes), (v) => v.entryCode)),
    /** A finding's workflow steps, oldest first. */
    eventsByFinding: new DataLoader(async (ids: readonly number[]) => manyByKey(ids, await eventsOfFindings(db, ids), (e) => e.findingId)),
    clearAll() {
      loaders.eventsByFinding.clearAll();
      loaders.entries.clear();
      loaders.allGrants.clear();
      loaders.pendingRequests.clear();
      loaders.versionsByEntry.clearAll();
    },
  };
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;
