import type { Random } from './random.ts';
import type { QuotaCategory } from './types.ts';

const CIVIL_SERVANT_GRADES = ['二级科员', '一级科员', '四级主任科员', '三级主任科员', '二级主任科员', '一级主任科员'] as const;
const WORKER_POSTS = ['工勤技能岗位（初级工）', '工勤技能岗位（中级工）', '工勤技能岗位（高级工）', '工勤技能岗位（技师）'] as const;
const MANAGEMENT_POSTS = ['管理岗位十级', '管理岗位九级', '管理岗位八级', '管理岗位七级'] as const;

const LEGAL_LADDERS = {
  police: ['四级警长', '三级警长', '二级警长', '一级警长', '四级高级警长'],
  court: ['五级法官', '四级法官', '三级法官', '二级法官', '一级法官'],
  procuratorate: ['五级检察官', '四级检察官', '三级检察官', '二级检察官', '一级检察官'],
} as const;

/** The grade ladder of 政法专项编制 staff in a politics-and-law organ, or null for civil-servant grades. */
export function legalLadder(name: string, role: string): readonly string[] | null {
  if (role === 'police') return LEGAL_LADDERS.police;
  if (name.endsWith('法院')) return LEGAL_LADDERS.court;
  if (name.endsWith('检察院')) return LEGAL_LADDERS.procuratorate;
  return null;
}

const byAge = <T>(ladder: readonly T[], age: number, rng: Random): T => {
  const step = Math.floor(((age - 22) / 38) * ladder.length + rng.int(-1, 1));
  return ladder[Math.max(0, Math.min(ladder.length - 1, step))]!;
};

/** The 职务(职称) a ledger entry shows for a staff member who is not a cadre. */
export function staffPost(
  rng: Random,
  category: QuotaCategory,
  organ: boolean,
  age: number,
  titleName: string | null,
  legal: readonly string[] | null,
): string {
  if (category === 'WORKER') return byAge(WORKER_POSTS, age, rng);
  if (category === 'POLITICAL_LEGAL' && legal) return byAge(legal, age, rng);
  if (organ) return byAge(CIVIL_SERVANT_GRADES, age, rng);
  return titleName ?? byAge(MANAGEMENT_POSTS, age, rng);
}
