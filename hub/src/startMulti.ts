import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { logError, stopOnSignals } from '@hub/schema';
import { REPO_ROOT, SERVICE_SUBGRAPHS, type ServiceName } from '@hub/schema/contracts';
import { config } from './config.ts';
import { generateCity } from './demo/generateCity.ts';
import { seedOffices } from './seedOffices.ts';

/**
 * `pnpm start:multi`: the hub as separate services on one machine, for trying the deployment the
 * Dockerfile and docker-compose.yml describe: the seed step (migrations, the demo city into empty
 * databases), then each office's subgraph and the catalog as a process of its own, then one gateway
 * process per GATEWAY_PORTS port pointed at the subgraphs' actual URLs. Each child's output comes
 * through prefixed with its name. SIGTERM or SIGINT stops the gateways, then the subgraphs; a child
 * that ends on its own stops the rest (exit 1): a supervisor restarts the whole, or runs the services
 * one by one instead.
 */
const UP = { subgraph: /subgraph up at (http:\/\/\S+)/, gateway: /网关 \/ gateway: (http:\/\/\S+)/ };
const START_TIMEOUT_MS = 180_000;

interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<void>;
}

const children: Child[] = [];
let stopping = false;

/** Starts `script` as a child with `env`; resolves with the URL it prints once it serves. */
function launch(name: string, script: string, env: NodeJS.ProcessEnv, up: RegExp): Promise<string> {
  // The launcher's own Node flags (package.json's start:multi: the young generation's size, --import tsx) for every
  // service, but not a debugger's port, which only one process can hold.
  const flags = process.execArgv.filter((flag) => !flag.startsWith('--inspect'));
  const child = spawn(process.execPath, [...flags, script], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  children.push({ name, process: child, exited });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        (stream === child.stderr ? process.stderr : process.stdout).write(`[${name}] ${line}\n`);
        const match = up.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    }
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} ended (${signal ?? `exit ${code}`}) before it served`));
      if (!stopping) {
        console.error(`${name} 已退出 / ${name} ended (${signal ?? `exit ${code}`}); 停止其余服务 / stopping the others`);
        void stopAll().then(() => process.exit(1));
      }
    });
  });
}

/** SIGTERM to the gateways, then to the subgraphs (each stops in order itself); SIGKILL to any still running after 8 s. */
async function stopAll(): Promise<void> {
  stopping = true;
  const end = async (group: Child[]) => {
    for (const child of group) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
    const killer = setTimeout(() => {
      for (const child of group) if (child.process.exitCode === null) child.process.kill('SIGKILL');
    }, 8000);
    await Promise.all(group.map((c) => c.exited));
    clearTimeout(killer);
  };
  await end(children.filter((c) => c.name.startsWith('gateway')));
  await end(children.filter((c) => !c.name.startsWith('gateway')));
}

const takeOver = stopOnSignals(stopAll, 15_000);
try {
  if (config.demoData) {
    const { catalog: _catalog, gateway: _gateway, ...offices } = config.databases;
    await seedOffices(
      offices,
      () => generateCity(config.demoSize),
      (m) => console.log(`[seed] ${m}`),
    );
  }
  // Each subgraph at its <OFFICE>_PORT or default port: PORT is the gateways'.
  const { PORT: _port, ...shared } = process.env;
  // The catalog with its verification worker, which reads through the first gateway (once it is ready) unless HUB_GATEWAY_URL says otherwise.
  const catalogEnv = { ...shared, HUB_GATEWAY_URL: shared.HUB_GATEWAY_URL || `http://127.0.0.1:${config.gatewayPorts[0]}/graphql` };
  const script = (name: ServiceName) => (name === 'catalog' ? 'hub/src/startCatalog.ts' : `subgraphs/${name}/src/index.ts`);
  const urls = await Promise.all(
    SERVICE_SUBGRAPHS.map(
      async ({ name }) => [name, await launch(name, script(name), name === 'catalog' ? catalogEnv : shared, UP.subgraph)] as [ServiceName, string],
    ),
  );
  const subgraphUrls = shared.SUBGRAPH_URLS || urls.map(([name, url]) => `${name}=${url}`).join(',');
  const gateways = await Promise.all(
    config.gatewayPorts.map((port, i) =>
      launch(`gateway-${i + 1}`, 'gateway/src/index.ts', { ...shared, PORT: String(port), SUBGRAPH_URLS: subgraphUrls }, UP.gateway),
    ),
  );
  takeOver();
  console.log(`\n多进程模式 / separate services: ${urls.map(([name, url]) => `${name} ${url}`).join(', ')}`);
  for (const url of gateways) console.log(`网关 / gateway: ${url}  (就绪 / ready: ${url.replace(/\/graphql$/, '/ready')})`);
} catch (error) {
  logError({ source: 'start:multi: 启动失败 / start failed' }, error);
  await stopAll();
  process.exit(1);
}
