import type { AlertFigures } from '@hub/schema';
import type { QuotaUse } from './quotaUse.ts';

/**
 * 编制预警 of a scope's institutions: one OVER_QUOTA alert per institution over quota (value: the persons
 * over, threshold 0: exactly full is not over), one LONG_VACANCY alert per institution whose longest
 * vacancy has been idle `idleMonths` whole months or more (value: those months). Largest first.
 */
export function quotaAlerts(uses: readonly (QuotaUse & { institution: { creditCode: string; name: string } })[], idleMonths: number): AlertFigures[] {
  const over: AlertFigures[] = [];
  const idle: AlertFigures[] = [];
  for (const use of uses) {
    const { creditCode, name } = use.institution;
    if (use.total.overQuota > 0)
      over.push({
        kind: 'OVER_QUOTA',
        institutionCreditCode: creditCode,
        value: use.total.overQuota,
        threshold: 0,
        message: `${name}超编 ${use.total.overQuota} 人（实有加已审批未入编超过核定数）`,
        messageEn: `${name} is ${use.total.overQuota} over quota (occupied plus reserved above approved)`,
      });
    if (use.longestIdleMonths !== null && use.longestIdleMonths >= idleMonths)
      idle.push({
        kind: 'LONG_VACANCY',
        institutionCreditCode: creditCode,
        value: use.longestIdleMonths,
        threshold: idleMonths,
        message: `${name}有空编闲置 ${use.longestIdleMonths} 个月（阈值 ${idleMonths} 个月）`,
        messageEn: `${name} has had a vacancy idle for ${use.longestIdleMonths} months (threshold ${idleMonths})`,
      });
  }
  const byValue = (a: AlertFigures, b: AlertFigures) => b.value - a.value || (a.institutionCreditCode ?? '').localeCompare(b.institutionCreditCode ?? '');
  return [...over.sort(byValue), ...idle.sort(byValue)];
}
