import { describe, expect, it } from 'vitest';
import { structureAlerts } from './structureAlerts.ts';

const T = { ageingPercent: 30, outOfQuotaPercent: 60, minStaff: 5 };

describe('structureAlerts', () => {
  it('flags a share above the threshold, not one equal to it', () => {
    const at = structureAlerts({ creditCode: null, total: 10, over50: 3, inQuota: 4 }, [], T);
    expect(at).toEqual([]);
    const above = structureAlerts({ creditCode: null, total: 10, over50: 4, inQuota: 3 }, [], T);
    expect(above.map((a) => [a.kind, a.value, a.threshold])).toEqual([
      ['AGEING', 40, 30],
      ['OUT_OF_QUOTA_HIGH', 70, 60],
    ]);
  });
  it('follows the configured thresholds', () => {
    expect(structureAlerts({ creditCode: null, total: 10, over50: 4, inQuota: 3 }, [], { ...T, ageingPercent: 40, outOfQuotaPercent: 70 })).toEqual([]);
  });
  it('skips institutions below the minimum staff, never the scope', () => {
    const alerts = structureAlerts(
      { creditCode: null, total: 4, over50: 4, inQuota: 4 },
      [
        { creditCode: 'SMALL', total: 4, over50: 4, inQuota: 4 },
        { creditCode: 'BIG', total: 5, over50: 5, inQuota: 5 },
      ],
      T,
    );
    expect(alerts.map((a) => [a.kind, a.institutionCreditCode])).toEqual([
      ['AGEING', null],
      ['AGEING', 'BIG'],
    ]);
  });
});
