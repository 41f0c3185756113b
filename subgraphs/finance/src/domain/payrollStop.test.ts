import { describe, expect, it } from 'vitest';
import { payrollStop } from './payrollStop.ts';

const paid = { onPayroll: true, lastPaidMonth: '2026-10', stoppedFromMonth: null };

describe('payrollStop (停拨工资)', () => {
  it('takes a paid person off the payroll from the stop month, keeping the last month paid', () => {
    expect(payrollStop(paid, '2026-12')).toEqual({ outcome: 'STOPPED', change: { onPayroll: false, stoppedFromMonth: '2026-12' }, overpaidMonths: [] });
    expect(payrollStop(paid, '2026-11').overpaidMonths).toEqual([]);
  });

  it('lists the months already paid from the stop month on when the removal comes late', () => {
    expect(payrollStop(paid, '2026-09')).toEqual({
      outcome: 'STOPPED',
      change: { onPayroll: false, stoppedFromMonth: '2026-09' },
      overpaidMonths: ['2026-09', '2026-10'],
    });
  });

  it('changes nothing when applied again, or when already stopped from that month or earlier', () => {
    const once = { ...paid, ...payrollStop(paid, '2026-12').change! };
    expect(payrollStop(once, '2026-12')).toEqual({ outcome: 'ALREADY_STOPPED', change: null, overpaidMonths: [] });
    expect(payrollStop(once, '2027-03').outcome).toBe('ALREADY_STOPPED');
  });

  it('moves the stop earlier for an earlier stop month, never later', () => {
    const stopped = { onPayroll: false, lastPaidMonth: '2026-10', stoppedFromMonth: '2026-12' };
    expect(payrollStop(stopped, '2026-11')).toEqual({ outcome: 'STOPPED', change: { onPayroll: false, stoppedFromMonth: '2026-11' }, overpaidMonths: [] });
  });

  it('records a stop month for a person stopped before notices were kept', () => {
    const stoppedLongAgo = { onPayroll: false, lastPaidMonth: '2025-06', stoppedFromMonth: null };
    expect(payrollStop(stoppedLongAgo, '2025-07')).toEqual({
      outcome: 'STOPPED',
      change: { onPayroll: false, stoppedFromMonth: '2025-07' },
      overpaidMonths: [],
    });
  });

  it('has nothing to stop for a person not on the payroll', () => {
    expect(payrollStop(null, '2026-12')).toEqual({ outcome: 'NOT_ON_PAYROLL', change: null, overpaidMonths: [] });
  });
});
