import { ConfigError, configOrExit, readEnv, setting } from '../readEnv.ts';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

const oneOf =
  <T extends string>(variable: string, values: readonly T[], fallback: T) =>
  (raw: string | undefined): T => {
    const value = (raw ?? fallback).trim().toLowerCase() as T;
    if (values.includes(value)) return value;
    throw new ConfigError(variable, `"${raw}" 应为 ${values.join('、')} 之一`, `"${raw}" should be one of ${values.join(', ')}`);
  };

const SETTINGS = {
  NODE_ENV: setting.text('development'),
  /** pino's level: fatal, error, warn, info (default), debug, trace, silent. */
  LOG_LEVEL: setting.custom(oneOf('LOG_LEVEL', LEVELS, 'info')),
  /** json (one JSON object a line), pretty (pino-pretty, development), or auto: pretty on a terminal outside production. */
  LOG_FORMAT: setting.custom(oneOf('LOG_FORMAT', ['auto', 'json', 'pretty'] as const, 'auto')),
  /** The collector's OTLP/HTTP base URL (traces go to <it>/v1/traces); unset: no tracing at all. */
  OTEL_EXPORTER_OTLP_ENDPOINT: setting.text(),
  /** The traces endpoint itself, when it is not <base>/v1/traces. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: setting.text(),
  /** The service name spans carry; each process's own default when unset. */
  OTEL_SERVICE_NAME: setting.text(),
};

function readObservabilityConfig(env: Record<string, string | undefined>) {
  const settings = readEnv(SETTINGS, env);
  const base = settings.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '');
  const tracesUrl = settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base}/v1/traces` : undefined);
  if (tracesUrl !== undefined && !URL.canParse(tracesUrl))
    throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT', `"${tracesUrl}" 不是 URL`, `"${tracesUrl}" is not a URL`);
  const pretty = settings.LOG_FORMAT === 'pretty' || (settings.LOG_FORMAT === 'auto' && settings.NODE_ENV !== 'production' && process.stdout.isTTY === true);
  return Object.freeze({
    logLevel: settings.LOG_LEVEL,
    logFormat: pretty ? ('pretty' as const) : ('json' as const),
    /** Where spans are exported (OTLP over HTTP, JSON); undefined: tracing stays off. */
    otlpTracesUrl: tracesUrl,
    serviceName: settings.OTEL_SERVICE_NAME,
  });
}

/**
 * How the hub's processes log and trace (README, "Logs, metrics and traces"): read once from the
 * environment, validated, frozen; a bad value stops the process with its message, as every config does.
 */
export const observabilityConfig = configOrExit(() => readObservabilityConfig(process.env));
