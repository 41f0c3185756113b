import type { InstitutionTemplate } from './templates.ts';

export interface LeaderPosts {
  head: string;
  deputy: string;
  /** A party secretary separate from the head (hospitals, schools). */
  secretary?: string;
}

const SUFFIX_POSTS: readonly (readonly [string, string, string])[] = [
  ['纪律检查委员会', '书记', '副书记'],
  ['政法委员会', '书记', '副书记'],
  ['工作委员会', '书记', '副书记'],
  ['部', '部长', '副部长'],
  ['局', '局长', '副局长'],
  ['人民政府', '镇长', '副镇长'],
  ['法院', '院长', '副院长'],
  ['检察院', '检察长', '副检察长'],
  ['党校', '常务副校长', '副校长'],
  ['馆', '馆长', '副馆长'],
  ['所', '所长', '副所长'],
  ['福利院', '院长', '副院长'],
  ['站', '站长', '副站长'],
  ['台', '台长', '副台长'],
  ['社', '社长', '副社长'],
  ['总工会', '主席', '副主席'],
  ['残疾人联合会', '理事长', '副理事长'],
  ['联合会', '主席', '副主席'],
  ['协会', '主席', '副主席'],
  ['红十字会', '会长', '副会长'],
];

/** The leadership posts (领导职务) of an institution, from the kind of unit its name says it is. */
export function leaderPosts(t: InstitutionTemplate): LeaderPosts {
  const name = t.name;
  if (t.role === 'townParty') return { head: '党委书记', deputy: '党委副书记' };
  if (name.startsWith('共青团')) return { head: '书记', deputy: '副书记' };
  const secretary = t.level === 'TOWNSHIP' || t.role === 'primarySchool' ? '党支部书记' : '党委书记';
  if (/(医院|卫生院|保健院)$/.test(name)) return { head: '院长', deputy: '副院长', secretary };
  if (/(中学|小学|学校)$/.test(name)) return { head: '校长', deputy: '副校长', secretary };
  for (const [suffix, head, deputy] of SUFFIX_POSTS) if (name.endsWith(suffix)) return { head, deputy };
  return { head: '主任', deputy: '副主任' };
}
