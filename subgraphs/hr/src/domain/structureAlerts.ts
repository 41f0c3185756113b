import { type AlertFigures, sharePercent } from '@hub/schema';

export interface StaffProfile {
  /** null for the whole scope. */
  creditCode: string | null;
  total: number;
  over50: number;
  inQuota: number;
}

export interface StructureAlertThresholds {
  /** Ageing when the share over 50 (percent, rounded half up) is above this. */
  ageingPercent: number;
  /** Out-of-quota far above in-quota when their share of all staff is above this. */
  outOfQuotaPercent: number;
  /** An institution with fewer staff gets no alert of its own; the scope always may. */
  minStaff: number;
}

/**
 * 人员结构预警 of a scope: AGEING (the share of staff aged 51 and over on the day, above the threshold)
 * and OUT_OF_QUOTA_HIGH (the out-of-quota staff's share of all staff above the threshold, 60% by
 * default: 1.5 out-of-quota per in-quota person; Zhengzhou's public hospitals, at about 73%, would be
 * flagged), first for the scope as a whole, then per institution (those with at least `minStaff` staff),
 * highest share first. A share equal to the threshold is not above it.
 */
export function structureAlerts(scope: StaffProfile, institutions: readonly StaffProfile[], t: StructureAlertThresholds): AlertFigures[] {
  const ageing: AlertFigures[] = [];
  const outOfQuota: AlertFigures[] = [];
  for (const p of [scope, ...institutions.filter((i) => i.total >= t.minStaff)]) {
    if (p.total === 0) continue;
    const who = p.creditCode ? '该单位' : '本范围';
    const whoEn = p.creditCode ? 'the institution' : 'the scope';
    const over50 = sharePercent(p.over50, p.total);
    if (over50 > t.ageingPercent)
      ageing.push({
        kind: 'AGEING',
        institutionCreditCode: p.creditCode,
        value: over50,
        threshold: t.ageingPercent,
        message: `${who}50岁以上人员占 ${over50}%（${p.over50}/${p.total} 人），超过 ${t.ageingPercent}%`,
        messageEn: `${over50}% of ${whoEn}'s staff are over 50 (${p.over50} of ${p.total}), above ${t.ageingPercent}%`,
      });
    const out = p.total - p.inQuota;
    const outShare = sharePercent(out, p.total);
    if (outShare > t.outOfQuotaPercent)
      outOfQuota.push({
        kind: 'OUT_OF_QUOTA_HIGH',
        institutionCreditCode: p.creditCode,
        value: outShare,
        threshold: t.outOfQuotaPercent,
        message: `${who}编外人员占 ${outShare}%（编外 ${out} 人，在编 ${p.inQuota} 人），超过 ${t.outOfQuotaPercent}%`,
        messageEn: `${outShare}% of ${whoEn}'s staff are out of quota (${out} out, ${p.inQuota} in), above ${t.outOfQuotaPercent}%`,
      });
  }
  const order = (a: AlertFigures, b: AlertFigures) =>
    Number(a.institutionCreditCode !== null) - Number(b.institutionCreditCode !== null) ||
    b.value - a.value ||
    (a.institutionCreditCode ?? '').localeCompare(b.institutionCreditCode ?? '');
  return [...ageing.sort(order), ...outOfQuota.sort(order)];
}
