import { sql } from 'drizzle-orm';
import { type DocumentSeries, documentNumber } from '../domain/documentNumbers.ts';
import type { StaffingDb } from './queries.ts';
import { documentCounters } from './schema.ts';

/**
 * The next serial of a document series in a year (1, 2, 3 … per year), taken inside the caller's
 * transaction: the upsert locks the counter's row until that transaction ends, so two documents
 * issued at once get two serials, and a transaction rolled back gives its serial back.
 */
export async function nextDocumentSerial(tx: StaffingDb, series: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ series, year, last: 1 })
    .onConflictDoUpdate({ target: [documentCounters.series, documentCounters.year], set: { last: sql`${documentCounters.last} + 1` } })
    .returning({ last: documentCounters.last });
  return row!.last;
}

/** The next number of a hiring document series in a year, printed (编审〔2026〕0001号 …). */
export async function nextDocumentNumber(tx: StaffingDb, series: DocumentSeries, year: number): Promise<string> {
  return documentNumber(series, year, await nextDocumentSerial(tx, series, year));
}
