import { describe, expect, it } from 'vitest';
import { createReplayCache } from './replayCache.ts';

describe('createReplayCache', () => {
  it('knows an id until its time, then takes it as new', () => {
    const cache = createReplayCache();
    expect(cache.claim('a', 2000, 1000)).toBe('FRESH');
    expect(cache.claim('a', 2500, 1999)).toBe('SEEN');
    expect(cache.claim('a', 3000, 2000)).toBe('FRESH');
    expect(cache.claim('b', 3000, 2000)).toBe('FRESH');
  });

  it('stays within its size: expired ids make room, live ones are never forgotten', () => {
    const cache = createReplayCache(3);
    // Out of expiry order, so that room is found by a full sweep, not only at the front.
    expect(['a', 'b', 'c'].map((id, i) => cache.claim(id, [5000, 1500, 5000][i]!, 1000))).toEqual(['FRESH', 'FRESH', 'FRESH']);
    expect(cache.claim('d', 5000, 1200)).toBe('FULL');
    expect(cache.claim('a', 5000, 1200)).toBe('SEEN');
    expect(cache.claim('d', 5000, 1600)).toBe('FRESH');
    expect(cache.size).toBe(3);
    expect(cache.claim('b', 5000, 1600)).toBe('FULL');
    expect(cache.claim('a', 6000, 5000)).toBe('FRESH');
    expect(cache.size).toBe(1);
  });
});
