import { monthOf, nextMonth } from '@hub/schema';

/**
 * 停拨工资: Finance stops a removed person's pay from the month after the removal takes effect
 * (DESIGN §3.3): the month of the effective date is still paid, whatever its day.
 */
export const stopFromMonth = (effectiveOn: string): string => nextMonth(monthOf(effectiveOn));

/** The document series of stop-pay notices in the Staffing Office's counters. */
export const STOP_PAY_SERIES = '停拨';

/** A notice's number as printed on it: 停拨〔2026〕00001号, the serial counted per year of issue. */
export const stopPayNoticeNumber = (year: number, serial: number): string => `${STOP_PAY_SERIES}〔${year}〕${String(serial).padStart(5, '0')}号`;

/** Whole seconds a notice has waited undelivered at `now`; null once it is delivered. */
export function waitingSeconds(issuedAt: Date, deliveredAt: Date | null, now: Date): number | null {
  return deliveredAt ? null : Math.max(0, Math.floor((now.getTime() - issuedAt.getTime()) / 1000));
}
