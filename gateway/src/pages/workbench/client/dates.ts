/** An instant as Beijing time, 2026-12-02 09:30, as the offices write it. */
export const beijing = (iso: string | null | undefined): string =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '—';

/** Today in Beijing, YYYY-MM-DD. */
export const todayInBeijing = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
