import { catalog, type CatalogDb, createVerificationWorker, type VerificationWorker } from '@hub/catalog';
import { createTokenService } from '@hub/gateway/tokens';
import { exitOnStartFailure, startSubgraph, stopOnSignals } from '@hub/schema';
import { config } from './catalogConfig.ts';
import { gatewayReader } from './gatewayReader.ts';

/**
 * `pnpm start:catalog`: the coordination group's catalog subgraph as a service of its own, with its
 * verification worker (README, "Running as separate services"). The worker reads the offices through
 * HUB_GATEWAY_URL as the coordination group, its tokens signed with JWT_SECRET as the gateways sign
 * theirs; it starts once that gateway is ready (the gateways start after the subgraphs), so a scheduled
 * run is not spent failing against a gateway not yet up. Any number of catalog services may run on one
 * catalog database: the queue's claim (a row lock, skipped by the others) gives each run one worker,
 * and the partial unique indexes one run per scope at a time and one scheduled run per period.
 * SIGTERM or SIGINT stops the worker (its run finishes or is left to the lease), then the subgraph.
 */
let stopped = false;
let worker: VerificationWorker | undefined;
const starting = startSubgraph(catalog, config.subgraph);
const takeOver = stopOnSignals(async () => {
  stopped = true;
  await worker?.stop();
  await (await starting).stop();
});
const running = await starting.catch(exitOnStartFailure);
takeOver();
console.log(`catalog 子图 (协调小组) 已启动 / subgraph up at ${running.url}`);

const tokens = createTokenService(config.jwtSecret(), config.tokens);
const ready = config.gatewayUrl.replace(/\/graphql$/, '/ready');
console.log(`核查：等待网关就绪 / verification: waiting for the gateway at ${ready}`);
/** Whether the gateway answers ready now (each look at most 3 s, so a gateway that hangs is looked at again). */
const gatewayReady = () =>
  fetch(ready, { signal: AbortSignal.timeout(3000) }).then(
    (r) => r.ok,
    () => false,
  );
while (!stopped && !(await gatewayReady())) await new Promise((r) => setTimeout(r, 1000));
if (!stopped) {
  const onError = (error: unknown) => console.error(`核查失败 / verification run failed: ${error instanceof Error ? error.message : String(error)}`);
  worker = createVerificationWorker({
    db: running.database.db as CatalogDb,
    reader: gatewayReader(config.gatewayUrl, (viewer, ttl) => tokens.sign(viewer, ttl)),
    pollMs: 2_000,
    schedules: config.verificationSchedules,
    onError,
  });
  void worker.drain().catch(onError);
  console.log(
    `核查工作进程已启动 / verification worker up, reading through ${config.gatewayUrl} (计划 / schedules: ${config.verificationSchedules.join(', ') || 'off'})`,
  );
}
