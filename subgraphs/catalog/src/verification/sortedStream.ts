/** An async stream of rows sorted by `idNumber`, with a look at the next row. */
export class SortedStream {
  private current: IteratorResult<Record<string, string | null>> | null = null;
  constructor(private readonly rows: AsyncIterator<Record<string, string | null>>) {}

  /** The ID number of the next row, or null at the end. */
  async peek(): Promise<string | null> {
    this.current ??= await this.rows.next();
    return this.current.done ? null : (this.current.value.idNumber ?? null);
  }

  /** Every next row of this ID number (the stream is sorted, so they come one after another). */
  async take(idNumber: string): Promise<Record<string, string | null>[]> {
    const out: Record<string, string | null>[] = [];
    while ((await this.peek()) === idNumber) {
      out.push((this.current as IteratorYieldResult<Record<string, string | null>>).value);
      this.current = null;
    }
    return out;
  }
}
