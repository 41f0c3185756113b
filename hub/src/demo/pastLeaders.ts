import { leaderPosts } from './cadrePosts.ts';
import { addYears, maxIso } from './dates.ts';
import { headRankIndex, rankAt } from './ranks.ts';
import type { Removed } from './removals.ts';
import type { CadreRow, PastCadrePostRow } from './types.ts';

/**
 * Organization's past leadership posts (干部离任记录): a deputy who retired or was transferred out
 * (the removals) held a leadership post of their unit until they left, in units whose posts are not
 * all filled today, so the leadership listing can date some vacancies (VACANT or LONG_VACANT, from
 * the day they left). At most one per unit; years in post from the person's ID number. Nothing is
 * drawn from the city's random stream, so every other row stays as it was.
 */
export function pastLeaders(removed: readonly Removed[], cadres: readonly CadreRow[]): PastCadrePostRow[] {
  const leaders = new Map<string, number>();
  for (const c of cadres) if (c.leadership) leaders.set(c.institutionCreditCode, (leaders.get(c.institutionCreditCode) ?? 0) + 1);
  const seen = new Set<string>();
  const posts: PastCadrePostRow[] = [];
  for (const { person, removal } of removed) {
    const d = person.institution;
    const code = d.row.creditCode;
    if (removal.reason !== 'RETIREMENT' && removal.reason !== 'TRANSFER_OUT') continue;
    if (person.category === 'WORKER' || seen.has(code) || (leaders.get(code) ?? 0) >= d.row.leadershipPostsApproved) continue;
    const years = 3 + (Number(person.idNumber.slice(14, 17)) % 6);
    const appointedOn = maxIso(maxIso(person.unitJoinDate, addYears(person.birthDate, 30)), addYears(removal.effectiveOn, -years));
    if (appointedOn >= removal.effectiveOn) continue;
    seen.add(code);
    posts.push({
      idNumber: person.idNumber,
      name: person.name,
      institutionCreditCode: code,
      post: leaderPosts(d.template).deputy,
      rank: rankAt(headRankIndex(d) + 1),
      leadership: true,
      appointedOn,
      leftOn: removal.effectiveOn,
      documentNumber: `中组任〔${removal.effectiveOn.slice(0, 4)}〕${String(posts.length + 1).padStart(3, '0')}号`,
      reason: removal.reason === 'RETIREMENT' ? '退休' : '调离',
    });
  }
  return posts;
}
