/**
 * The numbers the Staffing Office prints on its documents, from a serial per series and year
 * (db/documentNumbers.ts hands them out under a row lock, so each is given once):
 * - 机构编制审核通知单: 编审〔2026〕0001号
 * - 进人用编审批表: 进编〔2026〕0001号
 * - 编制卡: BZ2026000001 (the year and six digits; cards loaded from before the hub keep their own numbers)
 */
export const DOCUMENT_SERIES = { AUDIT_NOTICE: 'AUDIT_NOTICE', APPROVAL_FORM: 'APPROVAL_FORM', STAFFING_CARD: 'STAFFING_CARD' } as const;
export type DocumentSeries = keyof typeof DOCUMENT_SERIES;

export function documentNumber(series: DocumentSeries, year: number, serial: number): string {
  switch (series) {
    case 'AUDIT_NOTICE':
      return `编审〔${year}〕${String(serial).padStart(4, '0')}号`;
    case 'APPROVAL_FORM':
      return `进编〔${year}〕${String(serial).padStart(4, '0')}号`;
    case 'STAFFING_CARD':
      return `BZ${year}${String(serial).padStart(6, '0')}`;
  }
}
