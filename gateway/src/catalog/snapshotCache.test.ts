import { describe, expect, it } from 'vitest';
import type { CatalogSnapshot, CatalogSource, PolicyEntry } from '@hub/schema/contracts';
import { createSnapshotCache } from './snapshotCache.ts';

const entry = (code: string, shareType: PolicyEntry['shareType']): PolicyEntry => ({
  code,
  name: code,
  providerOffice: 'finance',
  shareType,
  open: false,
  status: 'ACTIVE',
  basis: null,
  coordinates: [`T.${code}`],
});

/** A catalog another gateway instance changes: what `load` returns now, and how often it was read. */
function fakeSource(initial: CatalogSnapshot) {
  const state = { snapshot: initial, reads: 0, failing: false };
  const source: CatalogSource = {
    load: async () => {
      state.reads++;
      if (state.failing) throw new Error('catalog unreachable');
      return state.snapshot;
    },
  };
  return { state, source };
}

describe('the gateway’s catalog snapshot', () => {
  it('sees a change made elsewhere once maxAgeMs has passed, and at once after refresh()', async () => {
    let now = 1_000_000;
    const { state, source } = fakeSource({ entries: [entry('a', 'UNCONDITIONAL')], grants: [] });
    const cache = await createSnapshotCache(source, { maxAgeMs: 1000, clock: () => now });
    try {
      state.snapshot = { entries: [entry('a', 'CONDITIONAL')], grants: [] };
      now += 999;
      expect((await cache.current()).byCoordinate.get('T.a')?.shareType).toBe('UNCONDITIONAL');
      now += 2;
      expect((await cache.current()).byCoordinate.get('T.a')?.shareType).toBe('CONDITIONAL');
      state.snapshot = { entries: [entry('a', 'UNCONDITIONAL')], grants: [] };
      await cache.refresh();
      expect((await cache.current()).byCoordinate.get('T.a')?.shareType).toBe('UNCONDITIONAL');
    } finally {
      cache.stop();
    }
  });

  it('keeps the last snapshot while the catalog is unreachable up to maxStaleMs, then fails closed', async () => {
    let now = 1_000_000;
    const { state, source } = fakeSource({ entries: [entry('a', 'UNCONDITIONAL')], grants: [] });
    const cache = await createSnapshotCache(source, { maxAgeMs: 1000, maxStaleMs: 5000, clock: () => now });
    try {
      state.failing = true;
      now += 4000;
      expect((await cache.current()).entries.map((e) => e.code)).toEqual(['a']);
      expect(cache.usable()).toBe(true);
      now += 1001;
      await expect(cache.current()).rejects.toThrow('catalog unreachable');
      expect(cache.usable()).toBe(false);
      state.failing = false;
      expect((await cache.current()).entries.map((e) => e.code)).toEqual(['a']);
      expect(cache.usable()).toBe(true);
    } finally {
      cache.stop();
    }
  });

  it('reads once for many requests at the same moment', async () => {
    let now = 1_000_000;
    const { state, source } = fakeSource({ entries: [entry('a', 'UNCONDITIONAL')], grants: [] });
    const cache = await createSnapshotCache(source, { maxAgeMs: 1000, clock: () => now });
    try {
      const reads = state.reads;
      now += 5000;
      await Promise.all(Array.from({ length: 20 }, () => cache.current()));
      expect(state.reads - reads).toBe(1);
    } finally {
      cache.stop();
    }
  });
});
