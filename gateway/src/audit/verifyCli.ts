import { openGatewayDatabase } from '../db/open.ts';
import { join } from 'node:path';
import { config } from '../config.ts';
import { parseArgs } from 'node:util';
import { createOperationLog, type LogAnchor } from './operationLog.ts';

/**
 * `pnpm audit:verify [--anchor SEQ:HASH]`: checks the whole operation log's chain and says so in both
 * languages. Record the printed head (SEQ:HASH) somewhere the database's writers cannot change, and
 * pass it back as --anchor: then cutting entries off the end is detected too.
 * Exit code 0 intact, 1 tampered, 2 could not check (no database, bad key file …), so a cron job
 * or CI step can tell a broken log from a broken run.
 */
// The gateway's own configuration: the same DATABASE_URL / DATA_DIR and key as the gateway it checks.
const dataDir = join(config.dataDir, 'gateway');
const storage = config.databaseUrl ? config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@') : dataDir;

function readAnchor(): LogAnchor | undefined {
  const { values } = parseArgs({ options: { anchor: { type: 'string' } } });
  if (!values.anchor) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/.exec(values.anchor);
  if (!match) throw new Error('--anchor 应为 SEQ:HASH / --anchor must be SEQ:HASH, as printed by an earlier run');
  return { seq: Number(match[1]), hash: match[2]! };
}

try {
  const anchor = readAnchor();
  const key = config.operationLogKey();
  const database = await openGatewayDatabase({ url: config.databaseUrl, dataDir });
  try {
    await database.migrate();
    const result = await createOperationLog(database.db, { key }).verify(anchor);
    console.log(`操作日志 / operation log: ${storage}`);
    console.log(`密钥 / key: ${config.operationLogKeySource}`);
    if (result.ok) {
      console.log(`完整 / intact: ${result.entries} 条 / entries`);
      console.log(`链头 / head (SEQ:HASH, 可作 --anchor / use as --anchor): ${result.head ? `${result.entries}:${result.head}` : '（空 / empty）'}`);
      if (anchor) console.log(`锚点相符 / anchor ${anchor.seq} matches`);
    } else {
      console.log(`已被篡改 / TAMPERED: ${result.problem} @ seq ${result.seq}`);
      console.log(result.message);
      console.log(`此前完好 / intact before it: ${result.entries} 条 / entries`);
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`无法校验操作日志 / could not verify the operation log: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
