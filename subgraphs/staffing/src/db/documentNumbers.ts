import { sql } from 'drizzle-orm';
import { type DocumentSeries, documentNumber } from '../domain/documentNumbers.ts';
import type { StaffingDb } from './queries.ts';
import { documentCounters } from './schema.ts';

/**
 * The next number of a document series in a year, printed (编审〔2026〕0001号 …). The counter row is
 * taken and moved on in one statement, which holds its lock until the caller's transaction ends: two
 * transactions never get one number, and a rolled-back one gives its number back.
 */
export async function nextDocumentNumber(tx: StaffingDb, series: DocumentSeries, year: number): Promise<string> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ series, year, last: 1 })
    .onConflictDoUpdate({ target: [documentCounters.series, documentCounters.year], set: { last: sql`${documentCounters.last} + 1` } })
    .returning({ last: documentCounters.last });
  return documentNumber(series, year, row!.last);
}
