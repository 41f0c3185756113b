import { ErrorCode, hubError } from '@hub/schema';

/** A text argument trimmed, or a refusal naming it when nothing is left (a document number, a reason). */
export function requireText(value: string, field: string, zhName: string, enName: string): string {
  const text = value.trim();
  if (!text) throw hubError(ErrorCode.INVALID_ARGUMENT, field, `${zhName}不能为空`, `the ${enName} must not be empty`);
  return text;
}
