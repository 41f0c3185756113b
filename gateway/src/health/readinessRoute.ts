import { createReadiness, NotReady, probeHandler, PROBE_PATHS, type ReadinessCheck } from '@hub/schema';
import { defaultSubgraphUrl, SERVICE_SUBGRAPHS, type SubgraphName } from '@hub/schema/contracts';
import type { SnapshotCache } from '../catalog/snapshotCache.ts';
import type { Route } from '../httpServer.ts';

export interface ReadinessDependencies {
  /** The gateway's own database (operation log, idempotency keys). */
  database: { ping(): Promise<void> };
  snapshots: SnapshotCache;
  /** Where subgraphs listen when not at the supergraph's default URL (the gateway's own option). */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  timeoutMs?: number;
}

/**
 * The gateway's GET /health (alive, no I/O) and GET /ready: its database answers, the catalog
 * snapshot is loaded and not past its staleness limit (past it the gateway refuses every request),
 * and each subgraph answers its own /health. 503 with the failing checks otherwise, so a load balancer
 * takes this instance out. An office being down makes the gateway unready although it would still give
 * partial answers: an operator should see it at once, and with several gateways it says which one has
 * lost its route to the office.
 */
export function readinessRoute(dependencies: ReadinessDependencies): Route {
  const timeoutMs = dependencies.timeoutMs ?? 2000;
  const subgraphChecks = SERVICE_SUBGRAPHS.map(({ name }): [string, ReadinessCheck] => [
    `subgraph:${name}`,
    async () => {
      const url = dependencies.subgraphUrls[name] ?? defaultSubgraphUrl(name);
      const answer = await fetch(new URL(PROBE_PATHS.health, url), { signal: AbortSignal.timeout(timeoutMs) }).catch((error: unknown) => {
        throw new NotReady('unreachable', { cause: error });
      });
      await answer.body?.cancel();
      if (!answer.ok) throw new NotReady(`http ${answer.status}`);
    },
  ]);
  return probeHandler(
    createReadiness(
      {
        database: () => dependencies.database.ping(),
        catalog: async () => {
          if (!dependencies.snapshots.usable()) throw new NotReady('stale');
        },
        ...Object.fromEntries(subgraphChecks),
      },
      { timeoutMs },
    ),
  );
}
