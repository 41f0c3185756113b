import { describe, expect, it } from 'vitest';
import type { QuotaFigures } from './quotaFigures.ts';
import { quotaUse } from './quotaUse.ts';

const T = { vacancyPercent: 20, idleMonths: 12 };
const q = (
  approved: number,
  occupied: number,
  reserved = 0,
  vacantSince: string | null = null,
  category: QuotaFigures['category'] = 'PUBLIC_SERVICE',
): QuotaFigures => ({
  category,
  approved,
  occupied,
  reserved,
  vacant: approved - occupied - reserved,
  vacantSince,
});

describe('quotaUse: the light of one institution', () => {
  it('is green when exactly full: full is not over quota', () => {
    expect(quotaUse([q(10, 10)], '2026-12-02', T)).toMatchObject({ light: 'GREEN', reasons: [], vacancyRate: 0, total: { vacant: 0, overQuota: 0 } });
    expect(quotaUse([q(10, 8, 2)], '2026-12-02', T)).toMatchObject({ light: 'GREEN', reasons: [] });
  });
  it('is red one over, reserved hires included, and a vacancy elsewhere does not offset it', () => {
    expect(quotaUse([q(10, 11)], '2026-12-02', T)).toMatchObject({ light: 'RED', reasons: ['OVER_QUOTA'], total: { overQuota: 1 } });
    expect(quotaUse([q(10, 10, 1)], '2026-12-02', T).light).toBe('RED');
    const mixed = quotaUse([q(10, 11), q(10, 5, 0, '2026-11-01', 'WORKER')], '2026-12-02', T);
    expect(mixed).toMatchObject({ light: 'RED', reasons: ['OVER_QUOTA', 'VACANCY_RATE'], total: { approved: 20, occupied: 16, vacant: 5, overQuota: 1 } });
  });
  it('is yellow above the vacancy threshold, not at it', () => {
    expect(quotaUse([q(10, 8, 0, '2026-11-01')], '2026-12-02', T)).toMatchObject({ light: 'GREEN', vacancyRate: 20 });
    expect(quotaUse([q(10, 7, 0, '2026-11-01')], '2026-12-02', T)).toMatchObject({ light: 'YELLOW', reasons: ['VACANCY_RATE'], vacancyRate: 30 });
    expect(quotaUse([q(10, 7, 0, '2026-11-01')], '2026-12-02', { ...T, vacancyPercent: 30 }).light).toBe('GREEN');
  });
  it('is yellow for a vacancy idle the configured months, counted in whole months', () => {
    expect(quotaUse([q(100, 99, 0, '2025-12-02')], '2026-12-02', T)).toMatchObject({ light: 'YELLOW', reasons: ['IDLE_VACANCY'], longestIdleMonths: 12 });
    expect(quotaUse([q(100, 99, 0, '2025-12-03')], '2026-12-02', T)).toMatchObject({ light: 'GREEN', longestIdleMonths: 11 });
    expect(quotaUse([q(100, 99, 0, '2025-12-03')], '2026-12-02', { ...T, idleMonths: 6 }).light).toBe('YELLOW');
  });
});
