import type { InstitutionDraft } from './institutions.ts';
import type { Random } from './random.ts';

const SMALL_SIZE = 5;

/** Distributes `total` over weights, largest remainders first, each share at least `min`. */
function apportion(weights: number[], total: number, min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const free = Math.max(0, total - min * weights.length);
  const raw = weights.map((w) => (w / sum) * free);
  const out = raw.map((r) => min + Math.floor(r));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}

/**
 * Chooses the large reference institution (the main hospital, ≥ 500 in quota) and the small one
 * (exactly 5 in quota, nobody else), then spreads the other in-quota and non-quota staff by role.
 */
export function planSizes(rng: Random, drafts: InstitutionDraft[], inQuota: number, nonQuota: number) {
  if (drafts.length < 3) throw new Error('the demo city needs at least 3 institutions');
  const large = drafts.find((d) => d.template.role === 'mainHospital') ?? drafts[0]!;
  const small = drafts.find((d) => d.template.role === 'townService') ?? drafts[drafts.length - 1]!;
  large.inQuota = Math.min(rng.int(540, 620), Math.floor(inQuota * 0.3));
  small.inQuota = SMALL_SIZE;
  const others = drafts.filter((d) => d !== large && d !== small);
  const weights = others.map((d) => {
    const [lo, hi] = d.profile.size;
    const scale = d.row.level !== 'DISTRICT' ? 1 : d.row.kind === 'PUBLIC_INSTITUTION' ? 0.75 : 0.5;
    return (lo + rng.next() * (hi - lo)) * scale;
  });
  for (const [i, n] of apportion(weights, inQuota - large.inQuota - SMALL_SIZE, 2).entries()) others[i]!.inQuota = n;
  const staffed = drafts.filter((d) => d !== small);
  const nq = apportion(
    staffed.map((d) => d.inQuota * d.profile.nonQuota * (0.6 + 0.8 * rng.next())),
    nonQuota,
    0,
  );
  for (const [i, n] of nq.entries()) staffed[i]!.nonQuota = n;
  for (const d of drafts) {
    d.row.leadershipPostsApproved = Math.min(9, Math.max(2, Math.min(d.row.leadershipPostsApproved, Math.floor(d.inQuota / 2))));
  }
  return { large, small };
}
