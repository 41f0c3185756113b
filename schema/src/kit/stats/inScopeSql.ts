import { type SQL, sql } from 'drizzle-orm';

/** A credit code's shape (GB 32100: 18 of digits and capital letters); nothing else can reach the SQL text. */
const CREDIT_CODE_SHAPE = /^[0-9A-Z]{18}$/;

/**
 * `column` is one of `creditCodes`, as SQL: `column = any('{…}'::text[])` with the codes written into the
 * statement as one array constant. A constant array is what PostgreSQL (14 and later) hashes for a
 * scan (one lookup per row whatever the number of codes: a city has thousands of institutions) and
 * what its estimates read, so a city-wide scope over a million employments is a sequential scan and a
 * hash join, as the bare aggregate is. Bound as a parameter instead, the array is unknown to a generic
 * plan, and `in (select unnest(…))` is estimated at ten rows: a million index lookups (measured 2–15×
 * slower, README "Statistics"). Safe to write out because each code is checked to be 18 digits or capital
 * letters; the codes are the Staffing Office's own (its scope's institutions), so another shape is a bug.
 */
export function inScopeSql(column: unknown, creditCodes: readonly string[]): SQL {
  if (creditCodes.length === 0) return sql`false`;
  for (const code of creditCodes) if (!CREDIT_CODE_SHAPE.test(code)) throw new Error(`not a credit code in a scope: ${JSON.stringify(code)}`);
  return sql`${column} = any(${sql.raw(`'{${creditCodes.join(',')}}'::text[]`)})`;
}
