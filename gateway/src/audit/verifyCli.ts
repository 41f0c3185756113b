import { openGatewayDatabase } from '../db/open.ts';
import { auditConfig } from './config.ts';
import { loadOrCreateDevKey } from '@hub/schema';
import { createOperationLog } from './operationLog.ts';

/**
 * `pnpm audit:verify`: checks the whole operation log's chain and says so in both languages.
 * Exit code 0 intact, 1 tampered, 2 could not check (no database, bad key file …), so a cron job
 * or CI step can tell a broken log from a broken run.
 */
const storage = auditConfig.databaseUrl ? auditConfig.databaseUrl.replace(/\/\/[^@/]*@/, '//***@') : auditConfig.dataDir;
const keySource = auditConfig.operationLogKey ? 'OPERATION_LOG_KEY' : auditConfig.devKeyPath;

try {
  const key = auditConfig.operationLogKey ?? loadOrCreateDevKey(auditConfig.devKeyPath);
  const database = await openGatewayDatabase({ url: auditConfig.databaseUrl, dataDir: auditConfig.dataDir });
  try {
    await database.migrate();
    const result = await createOperationLog(database.db, { key }).verify();
    console.log(`操作日志 / operation log: ${storage}`);
    console.log(`密钥 / key: ${keySource}`);
    if (result.ok) {
      console.log(`完整 / intact: ${result.entries} 条 / entries`);
      console.log(`链头哈希 / head hash: ${result.head ?? '（空 / empty）'}`);
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
