import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const DEV_KEY = /^[0-9a-f]{64}$/;

/**
 * A development key when its environment variable (JWT_SECRET, SUBGRAPH_SECRET, OPERATION_LOG_KEY) is
 * not set: 32 random bytes, hex, kept in a file readable by its owner only, made on first use, so that
 * the gateway, the subgraphs, `pnpm run token` and `pnpm audit:verify` agree across restarts. Production
 * sets the keys in the environment (and keeps the log key away from the database's writers: whoever
 * holds both can rewrite the log unnoticed).
 *
 * Two processes starting together may both try to make the file: the exclusive create ('wx')
 * lets one win and the other reads the winner's key.
 */
export function loadOrCreateDevKey(path: string): string {
  try {
    return readKey(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKey(path);
}

function readKey(path: string): string {
  const key = readFileSync(path, 'utf8').trim();
  if (!DEV_KEY.test(key)) throw new DevKeyError(path);
  return key;
}

/** The key file exists but does not hold a key this function wrote: refuse rather than sign with it. */
export class DevKeyError extends Error {
  override name = 'DevKeyError';
  constructor(readonly path: string) {
    super(`${path} 不是有效的操作日志密钥（应为 64 位十六进制）/ ${path} does not hold an operation-log key (64 hex digits)`);
  }
}
