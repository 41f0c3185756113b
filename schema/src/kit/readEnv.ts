import { join } from 'node:path';
import ms from 'ms';
import { z } from 'zod';
import { REPO_ROOT } from '../contracts/paths.ts';

/** A setting the user got wrong: the message names the variable and says what it expects, in both languages. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    messageZh: string,
    messageEn: string,
  ) {
    super(`${variable}: ${messageZh} / ${messageEn}`);
  }
}

/** A zod check that refuses the text unless `ok`, saying why in both languages (kept apart in `params` for ConfigError). */
const unless = (ok: (raw: string) => boolean, zh: (raw: string) => string, en: (raw: string) => string) => (raw: string, context: z.RefinementCtx) => {
  if (!ok(raw)) context.addIssue({ code: 'custom', message: en(raw), params: { zh: zh(raw), en: en(raw) } });
};

/** A TCP port as written by a user: a whole number 0–65535 (0: the system picks a free one), spaces around it allowed. */
export const portNumber: z.ZodType<number, string> = z
  .string()
  .superRefine(
    unless(
      (raw) => /^\s*\d{1,5}\s*$/.test(raw) && Number(raw) <= 65535,
      (raw) => `"${raw}" 不是端口号（应为 0–65535 的整数）`,
      (raw) => `"${raw}" is not a port (a whole number 0–65535)`,
    ),
  )
  .transform(Number);

/** Milliseconds of a duration written as `ms` reads it; undefined unless it is a whole number of at least 1 ms. */
function readDuration(raw: string): number | undefined {
  const n = ms(raw.trim() as ms.StringValue) as number | undefined;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}

/** One environment variable: its raw text (undefined when unset or blank) to its value. */
export type Setting<T> = z.ZodType<T, string | undefined>;

/**
 * The kinds of setting the hub has, each with its type, default and bilingual refusal, so a config
 * declares each variable once in one line. A schema receives the variable's text, a blank value
 * already read as unset (so `PORT=` is the default, not port 0).
 */
export const setting = {
  port: (fallback: number): Setting<number> => portNumber.optional().transform((port) => port ?? fallback),
  /** A whole number ≥ 1 (a limit, a count); `fallback` when unset. */
  count: (fallback: number): Setting<number> =>
    z
      .string()
      .superRefine(
        unless(
          (raw) => /^\s*[1-9]\d{0,8}\s*$/.test(raw),
          (raw) => `"${raw}" 应为正整数`,
          (raw) => `"${raw}" should be a whole number of at least 1`,
        ),
      )
      .transform(Number)
      .optional()
      .transform((n) => n ?? fallback),
  /** A length of time as `ms` reads it ("24h", "30m", "90s", "2d", or a number of milliseconds), at least 1 ms; `fallbackMs` when unset. */
  duration: (fallbackMs: number): Setting<number> =>
    z
      .string()
      .superRefine(
        unless(
          (raw) => readDuration(raw) !== undefined,
          (raw) => `"${raw}" 应为时长，如 24h、30m、90s`,
          (raw) => `"${raw}" should be a length of time such as 24h, 30m or 90s`,
        ),
      )
      .transform((raw) => readDuration(raw)!)
      .optional()
      .transform((n) => n ?? fallbackMs),
  /** Free text as given (a secret keeps its spaces); `fallback` when unset. */
  text: <F extends string | undefined = undefined>(fallback?: F): Setting<string | F> =>
    z
      .string()
      .optional()
      .transform((text) => text ?? (fallback as F)),
  /** `true` or `false`, in any case; `fallback` when unset. */
  flag: (fallback: boolean): Setting<boolean> =>
    z
      .string()
      .superRefine(
        unless(
          (raw) => /^\s*(true|false)\s*$/i.test(raw),
          (raw) => `"${raw}" 应为 true 或 false`,
          (raw) => `"${raw}" should be true or false`,
        ),
      )
      .transform((raw) => raw.trim().toLowerCase() === 'true')
      .optional()
      .transform((flag) => flag ?? fallback),
  /** A setting with rules of its own (a list such as SUBGRAPH_PORTS): `parse` gets the text and throws a ConfigError to refuse it. */
  custom: <T>(parse: (raw: string | undefined) => T): Setting<T> => z.string().optional().transform(parse),
};

/** The settings every server of the hub reads the same way: where it binds, its database and the gateway credential's key. */
export const SERVER_SETTINGS = {
  HOST: setting.text('127.0.0.1'),
  /** A PostgreSQL URL; without it, PGlite under DATA_DIR. */
  DATABASE_URL: setting.text(),
  DATA_DIR: setting.text(join(REPO_ROOT, 'data')),
  /** The gateway-to-subgraph credential key (the same on both sides); without it, a development key under DATA_DIR. */
  SUBGRAPH_SECRET: setting.text(),
  /** Connections each process keeps open to its PostgreSQL (postgres.js pool size); PGlite has one. */
  DATABASE_MAX_CONNECTIONS: setting.count(10),
};

/**
 * Reads the variables `settings` names from `env` and returns their values, frozen; the first refused
 * value throws a ConfigError naming its variable. Variables not named are ignored.
 */
export function readEnv<S extends Record<string, Setting<unknown>>>(
  settings: S,
  env: Record<string, string | undefined>,
): Readonly<{ [K in keyof S]: z.output<S[K]> }> {
  const given = Object.fromEntries(Object.keys(settings).map((name) => [name, env[name]?.trim() === '' ? undefined : env[name]]));
  const result = z.object(settings).safeParse(given);
  if (result.success) return Object.freeze(result.data) as { [K in keyof S]: z.output<S[K]> };
  const issue = result.error.issues[0]!;
  const params = issue.code === 'custom' ? (issue.params as { zh?: string; en?: string } | undefined) : undefined;
  throw new ConfigError(String(issue.path[0]), params?.zh ?? issue.message, params?.en ?? issue.message);
}

/**
 * Reads a configuration, or stops the process on a bad setting with its one-line message and exit
 * code 2, before anything starts and without a stack trace: it is input, not a bug.
 */
export function configOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
