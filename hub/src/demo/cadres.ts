import { addYears, maxIso, TODAY, TODAY_DAY, toDay, toIso } from './dates.ts';
import { isOrgan, type InstitutionDraft } from './institutions.ts';
import { leaderPosts } from './cadrePosts.ts';
import type { PersonDraft } from './persons.ts';
import type { Random } from './random.ts';
import { headRankIndex, rankAt } from './ranks.ts';
import type { CadreRow, Rank } from './types.ts';

/** Non-leading cadre posts (内设机构 and 职级) of city organs, and of district and township organs. */
const STAFF_CADRE_POSTS: Record<'city' | 'lower', readonly (readonly [string, Rank])[]> = {
  city: [
    ['科长', 'SECTION'],
    ['副科长', 'DEPUTY_SECTION'],
    ['一级主任科员', 'PRINCIPAL_STAFF'],
    ['四级调研员', 'DEPUTY_DIVISION'],
  ],
  lower: [
    ['一级主任科员', 'PRINCIPAL_STAFF'],
    ['二级主任科员', 'PRINCIPAL_STAFF'],
    ['四级主任科员', 'PRINCIPAL_STAFF'],
    ['一级科员', 'STAFF'],
  ],
};

function appoint(rng: Random, p: PersonDraft, post: string, rank: Rank, leadership: boolean): CadreRow {
  const from = toDay(maxIso(p.unitJoinDate, addYears(p.birthDate, 30)));
  const appointedOn = toIso(Math.min(TODAY_DAY - 15, rng.int(Math.min(from, TODAY_DAY - 15), TODAY_DAY - 15)));
  p.cadre = true;
  p.post = post;
  if (leadership || rng.chance(0.9)) p.politicalStatus = '中共党员';
  return { idNumber: p.idNumber, name: p.name, institutionCreditCode: p.institution.row.creditCode, post, rank, leadership, appointedOn };
}

/** Senior, non-worker staff first: leaders are picked among the older half, at random. */
function candidates(rng: Random, staff: PersonDraft[]): PersonDraft[] {
  const eligible = staff.filter((p) => p.category !== 'WORKER' && !p.cadre);
  const older = [...eligible].sort((a, b) => a.birthDate.localeCompare(b.birthDate) || a.idNumber.localeCompare(b.idNumber));
  const half = Math.max(2, Math.ceil(older.length / 2));
  return [...rng.shuffle(older.slice(0, half)), ...older.slice(half)];
}

/**
 * Organization's cadre records: leadership posts filled up to (usually just under) each institution's
 * approved 领导职数, then non-leading cadres (科长, 调研员 …) in organs until `share` of in-quota staff are cadres.
 */
export function appointCadres(rng: Random, drafts: InstitutionDraft[], inQuota: PersonDraft[], share: number): CadreRow[] {
  const byInstitution = new Map<InstitutionDraft, PersonDraft[]>();
  for (const p of inQuota) {
    const list = byInstitution.get(p.institution);
    if (list) list.push(p);
    else byInstitution.set(p.institution, [p]);
  }
  const cadres: CadreRow[] = [];
  for (const d of drafts) {
    const staff = byInstitution.get(d) ?? [];
    const posts = leaderPosts(d.template);
    const pool = candidates(rng, staff);
    const room = Math.max(
      1,
      d.row.leadershipPostsApproved -
        rng.weighted([
          [0, 35],
          [1, 35],
          [2, 20],
          [3, 10],
        ] as const),
    );
    const filled = Math.min(room, Math.max(pool.length ? 1 : 0, Math.floor(pool.length / 2)));
    const head = headRankIndex(d);
    const titles = [...(posts.secretary && filled >= 3 ? [posts.secretary] : []), posts.head];
    for (let i = 0; i < filled; i++) {
      const post = titles[i] ?? posts.deputy;
      cadres.push(appoint(rng, pool[i]!, post, rankAt(post === posts.deputy ? head + 1 : head), true));
    }
  }
  const organs = drafts.filter((d) => isOrgan(d) && d.inQuota >= 15);
  const organStaff = organs.reduce((n, d) => n + d.inQuota, 0) || 1;
  const wanted = Math.max(0, Math.round(share * inQuota.length) - cadres.length);
  let due = 0;
  let given = 0;
  for (const d of organs) {
    const pool = candidates(rng, byInstitution.get(d) ?? []).filter((p) => p.birthDate <= addYears(TODAY, -30));
    due += (wanted * d.inQuota) / organStaff;
    const n = Math.min(pool.length, Math.floor(due) - given);
    given += n;
    for (let i = 0; i < n; i++) {
      const [post, rank] = rng.pick(STAFF_CADRE_POSTS[d.row.level === 'CITY' ? 'city' : 'lower']);
      cadres.push(appoint(rng, pool[i]!, post, rank, false));
    }
  }
  return cadres;
}
