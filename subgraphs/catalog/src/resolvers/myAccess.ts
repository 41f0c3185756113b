import { createDecide } from '@hub/schema';
import { indexSnapshot } from '@hub/schema/contracts';
import type { ShareType } from '@hub/schema/contracts';
import { readCatalogSnapshot } from '../catalogSource.ts';
import type { CatalogContext } from '../context.ts';

export interface FieldAccess {
  coordinate: string;
  allowed: boolean;
  reason: string;
  message: string | null;
  basis: string | null;
  entryCode: string | null;
  shareType: ShareType | null;
}

/**
 * `Query.myAccess`: the gateway's own rule (the kit's createDecide) asked for each coordinate, for
 * anyone, anonymous callers included, so what this says is what enforcement does. By default every
 * catalogued coordinate.
 */
export async function myAccess(ctx: CatalogContext, args: { coordinates?: string[] | null }): Promise<FieldAccess[]> {
  const snapshot = indexSnapshot(await readCatalogSnapshot(ctx.db));
  const decide = createDecide(ctx.viewer, snapshot, ctx.now());
  const coordinates = args.coordinates ? [...new Set(args.coordinates)] : [...snapshot.byCoordinate.keys()].sort();
  return coordinates.map((coordinate) => {
    const decision = decide(coordinate);
    const entry = snapshot.byCoordinate.get(coordinate);
    return {
      coordinate,
      allowed: decision.allowed,
      reason: decision.reason,
      message: decision.allowed ? null : `${decision.messageZh} / ${decision.messageEn}`,
      basis: decision.allowed ? null : (decision.basis ?? null),
      entryCode: entry?.code ?? null,
      shareType: entry?.shareType ?? null,
    };
  });
}
