import type { OfficeSubgraph, RunningSubgraph, StartSubgraphOptions } from './officeSubgraph.ts';
import { startSubgraph } from './officeSubgraph.ts';
import { SUBGRAPHS } from '../contracts/subgraphs.ts';
import { exitOnStartFailure } from './startFailure.ts';
import { stopOnSignals } from './stopOnSignals.ts';

/**
 * A subgraph as a service of its own (its index.ts): migrated, started, and stopped in order on
 * SIGTERM or SIGINT (its server drained, its database closed), so a service manager, `pnpm
 * start:multi` or an orchestrator can stop it. Prints one line with its URL once it serves.
 */
export async function runSubgraph<TSeed>(office: OfficeSubgraph<TSeed>, options: StartSubgraphOptions<TSeed>): Promise<RunningSubgraph> {
  let running: RunningSubgraph | undefined;
  const starting = startSubgraph(office, options);
  const takeOver = stopOnSignals(async () => (running ?? (await starting)).stop());
  running = await starting.catch(exitOnStartFailure);
  takeOver();
  const { office: zh } = SUBGRAPHS.find((s) => s.name === office.name)!;
  console.log(`${office.name} 子图 (${zh}) 已启动 / subgraph up at ${running.url}`);
  return running;
}
