import type { Random } from './random.ts';
import type { TitleTrack } from './roleProfiles.ts';
import type { Education, TitleLevel } from './types.ts';

/** Each series from 初级 to 正高级: [JUNIOR, INTERMEDIATE, ASSOCIATE_SENIOR, SENIOR]. */
const SERIES: Record<Exclude<TitleTrack, 'none'>, readonly (readonly [string, string, string, string])[]> = {
  teacher: [['中小学二级教师', '中小学一级教师', '中小学高级教师', '正高级教师']],
  medical: [
    ['医师', '主治医师', '副主任医师', '主任医师'],
    ['医师', '主治医师', '副主任医师', '主任医师'],
    ['护师', '主管护师', '副主任护师', '主任护师'],
    ['技师', '主管技师', '副主任技师', '主任技师'],
  ],
  publicHealth: [
    ['医师', '主治医师', '副主任医师', '主任医师'],
    ['技师', '主管技师', '副主任技师', '主任技师'],
  ],
  engineer: [['助理工程师', '工程师', '高级工程师', '正高级工程师']],
  agronomist: [
    ['助理农艺师', '农艺师', '高级农艺师', '农业技术推广研究员'],
    ['助理兽医师', '兽医师', '高级兽医师', '正高级兽医师'],
  ],
  librarian: [['助理馆员', '馆员', '副研究馆员', '研究馆员']],
};
const LEVELS: readonly TitleLevel[] = ['JUNIOR', 'INTERMEDIATE', 'ASSOCIATE_SENIOR', 'SENIOR'];
const ACCOUNTANT = ['助理会计师', '会计师', '高级会计师', '正高级会计师'] as const;

export interface Title {
  titleName: string | null;
  titleLevel: TitleLevel | null;
}

const NONE: Title = { titleName: null, titleLevel: null };

/** A professional title (职称) plausible for the series, the person's age and education. */
export function randomTitle(rng: Random, track: TitleTrack, age: number, education: Education, professional: boolean): Title {
  const series = professional && track !== 'none' ? rng.pick(SERIES[track]) : rng.chance(0.04) ? ACCOUNTANT : null;
  if (!series || age < 24 || (age < 27 && rng.chance(0.4))) return NONE;
  const score = age + rng.int(-4, 4) + (education === 'POSTGRADUATE' ? 4 : education === 'UNDERGRADUATE' ? 0 : -6);
  let level = score < 31 ? 0 : score < 42 ? 1 : score < 52 ? (rng.chance(0.55) ? 2 : 1) : rng.chance(0.12) ? 3 : 2;
  if (education !== 'POSTGRADUATE' && education !== 'UNDERGRADUATE') level = Math.min(level, 2);
  return { titleName: series[level]!, titleLevel: LEVELS[level]! };
}
