import { createDecide, type Decide, type Viewer } from '@hub/schema';
import { type IndexedSnapshot, isGrantLive } from '@hub/schema/contracts';

const bySnapshot = new WeakMap<IndexedSnapshot, Map<string, Decide>>();

/**
 * The viewer's rule on this snapshot, the same function for every request with the same rights: a
 * rule depends on the viewer's office and role and on which of the office's grants are live now
 * (createDecide reads nothing else), so those are its key. Being the same function, it keys the
 * enforcement's cache of filtered operations (enforcingGateway.ts) too. Dropped with its snapshot.
 */
export function cachedDecide(viewer: Viewer | null, snapshot: IndexedSnapshot, now: Date): Decide {
  let decides = bySnapshot.get(snapshot);
  if (!decides) {
    decides = new Map();
    bySnapshot.set(snapshot, decides);
  }
  let key = '';
  if (viewer) {
    key = `${viewer.office}|${viewer.role}|`;
    for (const grant of snapshot.grants) if (grant.granteeOffice === viewer.office && isGrantLive(grant, now)) key += `${grant.id},`;
  }
  let decide = decides.get(key);
  if (!decide) {
    decide = createDecide(viewer, snapshot, now);
    decides.set(key, decide);
  }
  return decide;
}
