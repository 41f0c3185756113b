import { monthsBetween } from '@hub/schema';

/** What of a payroll record a stop-pay notice reads and changes. */
export interface PayrollState {
  onPayroll: boolean;
  lastPaidMonth: string | null;
  stoppedFromMonth: string | null;
}

export interface PayrollStop {
  outcome: 'STOPPED' | 'ALREADY_STOPPED' | 'NOT_ON_PAYROLL';
  /** The record's new state; null when nothing changes. */
  change: { onPayroll: false; stoppedFromMonth: string } | null;
  /** Months already paid from the stop-from month on: overpaid, to be recovered (追缴). */
  overpaidMonths: string[];
}

/**
 * 停拨工资: the person is paid no more from `stopFromMonth` (DESIGN §3.3). The rule is idempotent, so
 * a notice applied again changes nothing: a record already stopped from that month or earlier stays
 * as it is (ALREADY_STOPPED); otherwise it leaves the payroll and its stop month becomes the earlier
 * of the two. The last month paid is never rewritten: months already paid from the stop month on
 * (a removal reported late) are what they are, and come back as overpaid. No record: nothing to stop.
 */
export function payrollStop(record: PayrollState | null, stopFromMonth: string): PayrollStop {
  if (!record) return { outcome: 'NOT_ON_PAYROLL', change: null, overpaidMonths: [] };
  const overpaidMonths = record.lastPaidMonth ? monthsBetween(stopFromMonth, record.lastPaidMonth) : [];
  if (!record.onPayroll && record.stoppedFromMonth !== null && record.stoppedFromMonth <= stopFromMonth)
    return { outcome: 'ALREADY_STOPPED', change: null, overpaidMonths };
  const stoppedFromMonth = record.stoppedFromMonth !== null && record.stoppedFromMonth < stopFromMonth ? record.stoppedFromMonth : stopFromMonth;
  return { outcome: 'STOPPED', change: { onPayroll: false, stoppedFromMonth }, overpaidMonths };
}
