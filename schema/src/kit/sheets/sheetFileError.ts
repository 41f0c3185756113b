/** Why a whole file was refused before any row was read: not an xlsx, no worksheet, missing headers, too many rows. */
export type SheetFileProblem = 'NOT_XLSX' | 'NO_WORKSHEET' | 'MISSING_HEADERS' | 'TOO_MANY_ROWS' | 'NO_ROWS';

/** A refusal of the file as a whole, in both languages; the job reports it as one error. */
export class SheetFileError extends Error {
  constructor(
    readonly problem: SheetFileProblem,
    readonly zh: string,
    readonly en: string,
    options?: ErrorOptions,
  ) {
    super(`${zh} / ${en}`, options);
    this.name = 'SheetFileError';
  }
}
