import type { AlertFigures } from '@hub/schema';

/**
 * 超职数配备预警: one LEADERSHIP_OVER_FILLED alert per institution with more leadership posts filled
 * (the Organization Department's cadres) than approved (the Staffing Office's figure); value is the
 * number filled, threshold the number approved. Filled exactly as approved is no alert. Most over first.
 */
export function leadershipAlerts(approved: readonly { creditCode: string; approved: number }[], filled: ReadonlyMap<string, number>): AlertFigures[] {
  return approved
    .map(({ creditCode, approved: posts }) => ({ creditCode, posts, filled: filled.get(creditCode) ?? 0 }))
    .filter((i) => i.filled > i.posts)
    .sort((a, b) => b.filled - b.posts - (a.filled - a.posts) || a.creditCode.localeCompare(b.creditCode))
    .map((i) => ({
      kind: 'LEADERSHIP_OVER_FILLED' as const,
      institutionCreditCode: i.creditCode,
      value: i.filled,
      threshold: i.posts,
      message: `领导职数核定 ${i.posts} 名，实配 ${i.filled} 名，超配 ${i.filled - i.posts} 名`,
      messageEn: `${i.filled} leadership posts filled against ${i.posts} approved: ${i.filled - i.posts} over`,
    }));
}
