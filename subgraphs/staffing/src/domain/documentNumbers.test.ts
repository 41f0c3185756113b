import { describe, expect, it } from 'vitest';
import { documentNumber } from './documentNumbers.ts';

describe('documentNumber', () => {
  it('prints each series with its year and serial', () => {
    expect(documentNumber('AUDIT_NOTICE', 2026, 1)).toBe('编审〔2026〕0001号');
    expect(documentNumber('APPROVAL_FORM', 2026, 12)).toBe('进编〔2026〕0012号');
    expect(documentNumber('STAFFING_CARD', 2027, 345)).toBe('BZ2027000345');
  });
  it('keeps serials past the padding whole', () => {
    expect(documentNumber('AUDIT_NOTICE', 2026, 12345)).toBe('编审〔2026〕12345号');
  });
});
