import { ErrorCode } from '@hub/schema';

/** Why an operation is refused: an error code, both languages, and anything the client needs (a basis, a field). */
export interface Refusal {
  code: string;
  zh: string;
  en: string;
  extra?: Record<string, unknown>;
}

/** Codes of this API beyond the hub's common ones. */
export const CatalogErrorCode = {
  ...ErrorCode,
  /** The entry is NOT_SHARED: no request can be made; `extensions.basis` says why. */
  NOT_SHAREABLE: 'NOT_SHAREABLE',
  /** The decider made the request, or belongs to the requesting office. */
  SELF_APPROVAL: 'SELF_APPROVAL',
} as const;

export const invalid = (field: string, zh: string, en: string): Refusal => ({ code: CatalogErrorCode.INVALID_ARGUMENT, zh, en, extra: { field } });
