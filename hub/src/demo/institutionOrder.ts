import { DISTRICTS } from './cityMap.ts';
import { CITY_INSTITUTIONS_CORE, CITY_INSTITUTIONS_EXTRA, CITY_ORGANS } from './cityTemplates.ts';
import { districtCore, districtExtras, townCore, townExtras } from './districtTemplates.ts';
import { at, type InstitutionTemplate } from './templates.ts';

const FIRST_TOWNS = 3;
const DIGITS = [...'〇一二三四五六七八九'];

/** 1–99 in Chinese numerals (一, 十二, 三十五). */
const chinese = (n: number): string =>
  n > 99 ? String(n) : n < 10 ? DIGITS[n]! : `${n >= 20 ? DIGITS[Math.floor(n / 10)]! : ''}十${n % 10 ? DIGITS[n % 10]! : ''}`;

/** Round-robin over the districts: the i-th item of every district, then the (i+1)-th … */
function roundRobin(lists: InstitutionTemplate[][]): InstitutionTemplate[] {
  const out: InstitutionTemplate[] = [];
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const l of lists) {
      const item = l[i];
      if (item) out.push(item);
    }
  }
  return out;
}

const towns = (from: number, to: number, make: typeof townCore) => roundRobin(DISTRICTS.map((d) => d.towns.slice(from, to).flatMap((t) => make(d, t))));

/**
 * The first `count` institution templates of the city, in an order where every competent department
 * comes before its institutions and any prefix is a balanced city; past the named units, more schools.
 */
export function institutionTemplates(count: number): InstitutionTemplate[] {
  const tiers: InstitutionTemplate[] = [
    ...CITY_ORGANS,
    ...CITY_INSTITUTIONS_CORE,
    ...DISTRICTS.flatMap(districtCore),
    ...towns(0, FIRST_TOWNS, townCore),
    ...CITY_INSTITUTIONS_EXTRA,
    ...roundRobin(DISTRICTS.map(districtExtras)),
    ...towns(FIRST_TOWNS, 8, townCore),
    ...towns(0, 8, townExtras),
  ];
  const out = tiers.slice(0, count);
  for (let n = 0; out.length < count; n++) {
    const d = DISTRICTS[n % DISTRICTS.length]!;
    const number = chinese(Math.floor(n / DISTRICTS.length) + 1);
    const { pi } = at('DISTRICT', d.code);
    out.push(pi(`${d.name}第${number}小学`, 'EDUCATION', 'primarySchool', `${d.name}教育局`));
  }
  return out;
}
