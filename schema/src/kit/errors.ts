import { GraphQLError } from 'graphql';

/**
 * A client's mistake, as a coded GraphQL error carrying both languages.
 * `message` is "中文 / English" so a plain client shows both; `extensions` carries the parts for apps.
 */
export function inputError(code: string, field: string, zh: string, en: string): GraphQLError {
  return new GraphQLError(`${zh} / ${en}`, {
    extensions: { code, field, messageZh: zh, messageEn: en },
  });
}

/** An error code the hub raises; the list is the contract departments' apps switch on. */
export const ErrorCode = {
  INVALID_ID_NUMBER: 'INVALID_ID_NUMBER',
  /** A valid ID number whose birth date no member of staff can have (see `requireStaffBirthDate`). */
  STAFF_AGE_OUT_OF_RANGE: 'STAFF_AGE_OUT_OF_RANGE',
  INVALID_CREDIT_CODE: 'INVALID_CREDIT_CODE',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
} as const;
