import { GraphQLError } from 'graphql';

/** A refused catalog operation: coded, bilingual, and logged by the caller before it is thrown. */
export function catalogError(code: string, zh: string, en: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`${zh} / ${en}`, { extensions: { code, messageZh: zh, messageEn: en, ...extra } });
}
