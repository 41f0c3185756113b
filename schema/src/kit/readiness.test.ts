import { describe, expect, it } from 'vitest';
import { createReadiness, NotReady } from './readiness.ts';

describe('createReadiness', () => {
  it('is ready only when every check passes; a failure shows its NotReady reason, anything else as "unavailable"', async () => {
    const state = { db: true, other: true };
    const ready = createReadiness(
      {
        database: async () => {
          if (!state.db) throw new Error('connect ECONNREFUSED 10.0.0.5:5432');
        },
        other: async () => {
          if (!state.other) throw new NotReady('stale');
        },
      },
      { cacheMs: 0 },
    );
    expect(await ready()).toEqual({ ready: true, checks: { database: 'ok', other: 'ok' } });
    state.db = false;
    state.other = false;
    expect(await ready()).toEqual({ ready: false, checks: { database: 'unavailable', other: 'stale' } });
  });

  it('counts a check that takes too long as "timeout"', async () => {
    const ready = createReadiness({ slow: () => new Promise((r) => setTimeout(r, 1000)) }, { timeoutMs: 20, cacheMs: 0 });
    expect(await ready()).toEqual({ ready: false, checks: { slow: 'timeout' } });
  });

  it('runs one round for many probes at once, and reuses its answer for cacheMs', async () => {
    let now = 0;
    let rounds = 0;
    const ready = createReadiness({ counted: async () => void rounds++ }, { cacheMs: 1000, clock: () => now });
    await Promise.all(Array.from({ length: 50 }, () => ready()));
    expect(rounds).toBe(1);
    now += 999;
    await ready();
    expect(rounds).toBe(1);
    now += 2;
    await ready();
    expect(rounds).toBe(2);
  });
});
