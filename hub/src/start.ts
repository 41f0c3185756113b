import { exitOnStartFailure, stopOnSignals } from '@hub/schema';
import { config } from './config.ts';
import { generateCity } from './demo/generateCity.ts';
import { startHub } from './startHub.ts';

/** `pnpm start`: the whole hub in one process, with demo data loaded at first start. */
const t0 = Date.now();
const storage = config.databaseUrl ? `PostgreSQL ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}` : `嵌入式 PostgreSQL (PGlite) ${config.dataDir}`;
console.log(`机构编制信息共享平台 · Staffing Data-Sharing Hub\n存储 / storage: ${storage}`);
const starting = startHub({
  port: config.port,
  subgraphPorts: config.subgraphPorts,
  host: config.host,
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  // The same keys as `pnpm run token` and `pnpm audit:verify` use (environment, or development key files).
  subgraphSecret: config.subgraphSecret(),
  jwtSecret: config.jwtSecret(),
  operationLogKey: config.operationLogKey(),
  limits: config.limits,
  idempotencyTtlMs: config.idempotencyTtlMs,
  deadlines: config.deadlines,
  messagePollMs: config.messagePollMs,
  imports: config.imports,
  exposeErrorDetails: config.exposeErrorDetails,
  tokens: config.tokens,
  rateLimits: config.rateLimits,
  cors: config.cors,
  metricsToken: config.metricsToken,
  devSignIn: config.devSignIn,
  verificationSchedules: config.verificationSchedules,
  seed: config.demoData ? () => generateCity(config.demoSize) : undefined,
  onProgress: (m) => console.log(`  ${m}`),
});
const takeOverSignals = stopOnSignals(async () => (await starting).stop());
const hub = await starting.catch(exitOnStartFailure);
takeOverSignals();
console.log(`\n网关 / gateway: ${hub.url}  (GraphiQL: 浏览器打开 / open in a browser)  启动用时 / started in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`共享目录 / catalog: ${hub.url.replace(/\/graphql$/, '/catalog')}`);
console.log(`工作台 / workbench: ${hub.url.replace(/\/graphql$/, '/workbench')}${config.devSignIn ? '（开发登录 / development sign-in）' : ''}`);
console.log('令牌 / token: pnpm -s run token --office <organization|staffing|hr|finance> --role <OPERATOR|…>');
