import { config } from '@hub/gateway/config';
import { generateCity } from './demo/generateCity.ts';
import { startHub } from './hub.ts';

/** `pnpm start`: the whole hub in one process, with demo data loaded at first start. */
const env = Object.freeze({
  port: config.port,
  host: config.host,
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  demoData: process.env.DEMO_DATA !== 'false',
});

const t0 = Date.now();
const storage = env.databaseUrl ? `PostgreSQL ${env.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}` : `嵌入式 PostgreSQL (PGlite) ${env.dataDir}`;
console.log(`机构编制信息共享平台 · Staffing Data-Sharing Hub\n存储 / storage: ${storage}`);
const hub = await startHub({
  ...env,
  subgraphPorts: 'default',
  // The same keys as `pnpm run token` and `pnpm audit:verify` use (environment, or development key files).
  subgraphSecret: config.subgraphSecret(),
  jwtSecret: config.jwtSecret(),
  operationLogKey: config.operationLogKey(),
  seed: env.demoData ? () => generateCity() : undefined,
  onProgress: (m) => console.log(`  ${m}`),
});
console.log(`\n网关 / gateway: ${hub.url}  (GraphiQL: 浏览器打开 / open in a browser)  启动用时 / started in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`共享目录 / catalog: ${hub.url.replace(/\/graphql$/, '/catalog')}`);
console.log('令牌 / token: pnpm -s run token --office <organization|staffing|hr|finance> --role <OPERATOR|…>');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('正在停止 / stopping …');
    hub.stop().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
  });
}
