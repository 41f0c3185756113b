import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A development key kept in a file (created with 32 random bytes, mode 600, on first use) so that
 * the gateway, `pnpm token` and `pnpm audit:verify` agree without configuration. Production sets the
 * key in the environment instead.
 */
export function loadOrCreateDevKey(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(path, key + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
