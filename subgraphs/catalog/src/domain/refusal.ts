import { ErrorCode } from '@hub/schema';

/** Why an operation is refused: an error code, the argument at fault, both languages, and anything the client needs (a basis). */
export interface Refusal {
  code: ErrorCode;
  field?: string;
  zh: string;
  en: string;
  extra?: Record<string, unknown>;
}

export const invalid = (field: string, zh: string, en: string): Refusal => ({ code: ErrorCode.INVALID_ARGUMENT, field, zh, en });
