import { logError } from './logError.ts';

/** One dependency a service needs before it can serve: it resolves when fine, throws (a NotReady with its reason, or anything) when not. */
export type ReadinessCheck = () => Promise<void>;

/** A check's failure with a short reason safe to show an unauthenticated load balancer ("stale", "unreachable"). */
export class NotReady extends Error {
  override name = 'NotReady';
}

export interface ReadinessReport {
  ready: boolean;
  /** Each check by name: "ok", or why not ("unreachable", "timeout", "stale" …); no address, no database message. */
  checks: Record<string, string>;
}

export interface ReadinessOptions {
  /** How long one check may take before it counts as failed. */
  timeoutMs?: number;
  /** How long an answer is reused: a flood of probes costs at most one round of checks per period. */
  cacheMs?: number;
  clock?: () => number;
}

/**
 * Readiness of a service (its /ready): every check at once, each within `timeoutMs`. One round at a
 * time, its answer reused for `cacheMs`, since anyone can call /ready and each round touches databases
 * and other services. A check that fails is logged (with its detail, which the answer leaves out) when
 * it starts failing, not at every probe.
 */
export function createReadiness(checks: Record<string, ReadinessCheck>, options: ReadinessOptions = {}): () => Promise<ReadinessReport> {
  const { timeoutMs = 2000, cacheMs = 1000, clock = Date.now } = options;
  let last: { at: number; report: ReadinessReport } | null = null;
  let running: Promise<ReadinessReport> | null = null;
  const failing = new Set<string>();

  const runOne = async (name: string, check: ReadinessCheck): Promise<string> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new NotReady('timeout')), timeoutMs);
    });
    try {
      await Promise.race([check(), timeout]);
      failing.delete(name);
      return 'ok';
    } catch (error) {
      if (!failing.has(name)) logError({ source: `readiness: ${name} is not ready` }, error, 'warn');
      failing.add(name);
      return error instanceof NotReady ? error.message : 'unavailable';
    } finally {
      clearTimeout(timer);
    }
  };

  const round = async (): Promise<ReadinessReport> => {
    const names = Object.keys(checks);
    const outcomes = await Promise.all(names.map((name) => runOne(name, checks[name]!)));
    const report = { ready: outcomes.every((o) => o === 'ok'), checks: Object.fromEntries(names.map((name, i) => [name, outcomes[i]!])) };
    last = { at: clock(), report };
    return report;
  };

  return () => {
    if (last && clock() - last.at < cacheMs) return Promise.resolve(last.report);
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };
}
