import { describe, expect, it } from 'vitest';
import { sharePercent } from './sharePercent.ts';

describe('sharePercent', () => {
  it('rounds a half up, never down or to even', () => {
    expect(sharePercent(1, 16)).toBe(6.3); // 6.25
    expect(sharePercent(3, 16)).toBe(18.8); // 18.75
    expect(sharePercent(1, 8)).toBe(12.5);
    expect(sharePercent(1, 40)).toBe(2.5);
    expect(sharePercent(1, 80)).toBe(1.3); // 1.25
  });
  it('rounds below a half down and above it up', () => {
    expect(sharePercent(1, 3)).toBe(33.3);
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(1, 7)).toBe(14.3);
  });
  it('gives 0 and 100 at the ends, and 0 for an empty base', () => {
    expect(sharePercent(0, 9)).toBe(0);
    expect(sharePercent(9, 9)).toBe(100);
    expect(sharePercent(0, 0)).toBe(0);
  });
});
