import { logError } from './logError.ts';

/**
 * A start that failed for a reason its user can mend (a port already taken, a data folder another
 * process holds): one line in both languages, printed without a stack, as ConfigError is for a bad
 * setting before anything starts.
 */
export class StartFailure extends Error {
  override name = 'StartFailure';
  constructor(messageZh: string, messageEn: string, options?: ErrorOptions) {
    super(`${messageZh} / ${messageEn}`, options);
  }
}

/** Ends a process whose start failed (status 1): a StartFailure as its message alone, anything else logged with its stack. */
export function exitOnStartFailure(error: unknown): never {
  if (error instanceof StartFailure) console.error(`启动失败 / start failed: ${error.message}`);
  else logError({ source: 'hub: 启动失败 / start failed' }, error);
  process.exit(1);
}
