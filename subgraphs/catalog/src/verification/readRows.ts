import type { HubReader } from './hubReader.ts';

/** One bulk field of an office (the `<office>VerificationRows` of its subgraph). */
export interface BulkSource {
  field: 'staffingVerificationRows' | 'hrVerificationRows' | 'organizationVerificationRows' | 'financeVerificationRows';
  enumType: string;
  dataset: string;
}

/** One page as the office sends it: the column names once, each row a list of strings. */
export interface Page {
  columns: string[];
  rows: (string | null)[][];
  nextCursor: string | null;
  total: number | null;
}

/**
 * The pages of one bulk dataset, one after another; the next page is already asked for while the
 * caller works through this one, and no more than two pages are ever held.
 */
export async function* readPages(
  reader: HubReader,
  source: BulkSource,
  pageSize: number,
  onPage: (read: number, total: number | null, done: boolean) => void,
): AsyncGenerator<Page> {
  const query = `query VerificationRows($dataset: ${source.enumType}!, $first: Int, $after: String) { page: ${source.field}(dataset: $dataset, first: $first, after: $after) { columns rows nextCursor total } }`;
  const fetchPage = async (after: string | null) => {
    const data = await reader(query, { dataset: source.dataset, first: pageSize, after });
    const page = data.page as Page | null;
    if (!page) throw new Error(`${source.field}(${source.dataset}) returned no page`);
    return page;
  };
  let read = 0;
  let total: number | null = null;
  let next: Promise<Page> | null = fetchPage(null);
  while (next) {
    const page: Page = await next;
    total ??= page.total;
    next = page.nextCursor ? fetchPage(page.nextCursor) : null;
    // Keep the prefetch from being an unhandled rejection while this page is worked through.
    next?.catch(() => {});
    yield page;
    read += page.rows.length;
    onPage(read, total, !page.nextCursor);
  }
}

/** The rows of one bulk dataset, page after page (readPages), as objects keyed by column name. */
export async function* readRows(
  reader: HubReader,
  source: BulkSource,
  pageSize: number,
  onPage: (read: number, total: number | null, done: boolean) => void,
): AsyncGenerator<Record<string, string | null>> {
  for await (const page of readPages(reader, source, pageSize, onPage)) {
    for (const row of page.rows) yield toRecord(page.columns, row);
  }
}

/** A row as an object keyed by its page's column names. */
function toRecord(columns: readonly string[], row: readonly (string | null)[]): Record<string, string | null> {
  const record: Record<string, string | null> = {};
  for (let i = 0; i < columns.length; i++) record[columns[i]!] = row[i] ?? null;
  return record;
}
