import type { Page } from './readRows.ts';

/** A row as its page holds it: one string (or null) per column. */
export type Row = (string | null)[];

/**
 * The pages of a bulk read sorted by `idNumber`, read row by row. Only a page boundary waits for
 * the office: `head` and `takeNow` work on the page in hand synchronously, and say when the next
 * page is needed (`fill`, `take`), so the merge of eight streams costs no promise per row; rows stay
 * the lists the page holds (`value` reads a column by name), so no object is made per row either.
 */
export class SortedStream {
  private rows: Row[] = [];
  private readonly columns = new Map<string, number>();
  private idColumn = -1;
  private at = 0;
  private ended = false;
  constructor(private readonly pages: AsyncIterator<Page>) {}

  /** Whether the page in hand is used up and another may follow (call `fill` before `head`). */
  get empty(): boolean {
    return this.at >= this.rows.length && !this.ended;
  }

  /** Reads pages until there is a row in hand or the stream has ended. */
  async fill(): Promise<void> {
    while (this.empty) {
      const next = await this.pages.next();
      if (next.done) {
        this.ended = true;
        return;
      }
      this.rows = next.value.rows;
      this.columns.clear();
      for (const [i, name] of next.value.columns.entries()) this.columns.set(name, i);
      this.idColumn = this.columns.get('idNumber') ?? -1;
      this.at = 0;
    }
  }

  /** The ID number of the next row (null at the end); the stream must not be `empty`. */
  head(): string | null {
    return this.at < this.rows.length ? (this.rows[this.at]![this.idColumn] ?? null) : null;
  }

  /** Every next row of this ID number (the stream is sorted, so they come one after another), across pages. */
  async take(idNumber: string): Promise<Row[]> {
    const out: Row[] = [];
    for (;;) {
      while (this.at < this.rows.length && this.rows[this.at]![this.idColumn] === idNumber) out.push(this.rows[this.at++]!);
      if (!this.empty) return out;
      await this.fill();
    }
  }

  /** `take` without a promise when the rows of this ID number end inside the page in hand (the usual case). */
  takeNow(idNumber: string): Row[] | null {
    if (this.at < this.rows.length && this.rows[this.at]![this.idColumn] !== idNumber) return [];
    const start = this.at;
    let end = start;
    while (end < this.rows.length && this.rows[end]![this.idColumn] === idNumber) end++;
    if (end === this.rows.length && !this.ended) return null;
    this.at = end;
    return this.rows.slice(start, end);
  }

  /** A column of a row of this stream, by name (null: no value). */
  value(row: Row, column: string): string | null {
    return row[this.columns.get(column) ?? -1] ?? null;
  }
}
