import { type SQL, sql } from 'drizzle-orm';
import { AGE_BANDS } from './ageBands.ts';

/**
 * Exact age in completed years (周岁) on `asOf` (YYYY-MM-DD) of the person whose 18-character ID number
 * is in `idNumber`, in SQL: (YYYYMMDD of the day − YYYYMMDD of the birth date) div 10000, integer
 * arithmetic on the birth date the number carries (positions 7–14). It is `ageOn` of the kit: a birthday
 * counts from its own day, and one born on 29 February completes a year on 1 March in a common year.
 */
export function ageSql(idNumber: SQL | unknown, asOf: string): SQL {
  const day = Number(asOf.replaceAll('-', ''));
  return sql`((${sql.raw(String(day))} - substr(${idNumber}, 7, 8)::int) / 10000)`;
}

/** The age band (AGE_BANDS' value) of the exact age on `asOf`, as a SQL CASE. */
export function ageBandSql(idNumber: SQL | unknown, asOf: string): SQL {
  const age = ageSql(idNumber, asOf);
  const branches = AGE_BANDS.slice(0, -1).map((band) => sql`when ${age} <= ${sql.raw(String(band.to))} then ${sql.raw(`'${band.value}'`)} `);
  return sql`(case ${sql.join(branches)}else ${sql.raw(`'${AGE_BANDS[AGE_BANDS.length - 1]!.value}'`)} end)`;
}

/** Gender from the ID number in SQL: the 17th character odd is male (GB 11643-1999). */
export function genderSql(idNumber: SQL | unknown): SQL {
  return sql`(case when substr(${idNumber}, 17, 1)::int % 2 = 1 then 'MALE' else 'FEMALE' end)`;
}
