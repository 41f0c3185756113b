import { describe, expect, it } from 'vitest';
import { leadershipAlerts } from './leadershipAlerts.ts';

describe('leadershipAlerts', () => {
  it('flags only more filled than approved, most over first; filled as approved or fewer is no alert', () => {
    const alerts = leadershipAlerts(
      [
        { creditCode: 'A', approved: 2 },
        { creditCode: 'B', approved: 2 },
        { creditCode: 'C', approved: 1 },
        { creditCode: 'D', approved: 0 },
        { creditCode: 'E', approved: 3 },
      ],
      new Map([
        ['A', 2],
        ['B', 3],
        ['C', 3],
        ['E', 1],
      ]),
    );
    expect(alerts.map((a) => [a.institutionCreditCode, a.value, a.threshold])).toEqual([
      ['C', 3, 1],
      ['B', 3, 2],
    ]);
    expect(alerts[0]?.message).toBe('领导职数核定 1 名，实配 3 名，超配 2 名');
  });
});
