import { draft } from './draft.ts';
import type { FindingDraft, PersonRecord } from './types.ts';

const MONTH_MS = 31 * 86_400_000;

/**
 * Pay against the roster (DESIGN §3.4: Finance pays only the names on the Staffing Office's list) and
 * removals against pay and employment (§3.3):
 * - STOP_PAY_NOT_APPLIED: a stop-pay notice issued more than a month ago that Finance has not applied;
 * - PAID_NOT_ON_ROSTER (吃空饷): on Finance's payroll, not on the ledger (removed or never there),
 *   unless the unapplied notice above already says so;
 * - ON_ROSTER_NOT_PAID: on the ledger, not on the payroll;
 * - REMOVED_BUT_EMPLOYED: removed from the quota, still employed at the same institution at HR.
 */
export function payrollFindings(p: PersonRecord, now: Date): FindingDraft[] {
  const out: FindingDraft[] = [];
  const applied = new Set(p.appliedStopPays.map((n) => n.noticeNumber));
  const unapplied = p.stopPayNotices.filter((n) => !applied.has(n.number) && now.getTime() - new Date(n.issuedAt).getTime() > MONTH_MS);
  for (const n of unapplied) {
    out.push(
      draft(
        'STOP_PAY_NOT_APPLIED',
        'HIGH',
        'finance',
        { idNumber: p.idNumber, creditCode: n.creditCode, extra: n.number },
        [`停拨工资通知 ${n.number} 签发逾一个月，财政局尚未执行`, `stop-pay notice ${n.number} was issued over a month ago and Finance has not applied it`],
        [
          { office: 'staffing', item: 'StopPayNotice.number', value: n.number },
          { office: 'finance', item: 'ReceivedStopPayNotice.appliedAt', value: null },
          { office: 'finance', item: 'PayrollRecord.onPayroll', value: p.payroll ? String(p.payroll.onPayroll) : null },
        ],
      ),
    );
  }
  const removal = p.removals[p.removals.length - 1];
  if (p.payroll?.onPayroll && !p.ledger && unapplied.length === 0) {
    out.push(
      draft(
        'PAID_NOT_ON_ROSTER',
        'HIGH',
        'finance',
        { idNumber: p.idNumber, creditCode: p.payroll.creditCode },
        removal
          ? [
              `已核减（${removal.reason}，${removal.effectiveOn}）人员仍在财政工资发放名单上（吃空饷）`,
              `removed (${removal.reason}, ${removal.effectiveOn}) yet still on Finance's payroll`,
            ]
          : ['财政发放工资的人员不在编办实名制台账上（吃空饷）', "paid by Finance but not on the Staffing Office's roster"],
        [
          { office: 'finance', item: 'PayrollRecord.onPayroll', value: 'true' },
          { office: 'finance', item: 'PayrollRecord.lastPaidMonth', value: p.payroll.lastPaidMonth },
          { office: 'staffing', item: 'Person.ledgerEntry', value: null },
          ...(removal ? [{ office: 'staffing' as const, item: 'Removal.effectiveOn', value: removal.effectiveOn }] : []),
        ],
      ),
    );
  }
  if (p.ledger && !p.payroll?.onPayroll) {
    out.push(
      draft(
        'ON_ROSTER_NOT_PAID',
        'MEDIUM',
        'finance',
        { idNumber: p.idNumber, creditCode: p.ledger.creditCode },
        ['在编办实名制台账上的人员不在财政工资发放名单上', "on the Staffing Office's roster, not on Finance's payroll"],
        [
          { office: 'staffing', item: 'LedgerEntry.institution', value: p.ledger.creditCode },
          { office: 'finance', item: 'PayrollRecord.onPayroll', value: p.payroll ? String(p.payroll.onPayroll) : null },
        ],
      ),
    );
  }
  const employment = p.hr?.employment;
  if (removal && !p.ledger && employment && employment.creditCode === removal.creditCode && employment.since <= removal.effectiveOn) {
    out.push(
      draft(
        'REMOVED_BUT_EMPLOYED',
        'HIGH',
        'hr',
        { idNumber: p.idNumber, creditCode: removal.creditCode },
        [
          `已核减（${removal.reason}，${removal.effectiveOn}）人员在人社局仍有本单位在职记录`,
          `removed (${removal.reason}, ${removal.effectiveOn}) yet still employed there at HR`,
        ],
        [
          { office: 'staffing', item: 'Removal.effectiveOn', value: removal.effectiveOn },
          { office: 'hr', item: 'Employment.type', value: employment.type },
          { office: 'hr', item: 'Employment.since', value: employment.since },
        ],
      ),
    );
  }
  return out;
}
