import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';
import { ErrorCode, hubError } from './errors.ts';

/**
 * `library` under the name our SDL gives it, its checks kept and its refusals replaced by ours, in
 * Chinese and English with the code INVALID_ARGUMENT (graphql-scalars says "Value is not a valid
 * LocalDate" in English only). No description: the SDL's own stays.
 */
function renamed(name: string, library: GraphQLScalarType, zh: string, en: string): GraphQLScalarType {
  const refuse = (value: unknown) => hubError(ErrorCode.INVALID_ARGUMENT, null, zh, `${en}, got ${JSON.stringify(value)}`);
  const attempt =
    <A extends unknown[]>(read: (...args: A) => unknown, shown: (...args: A) => unknown) =>
    (...args: A) => {
      try {
        return read(...args);
      } catch {
        throw refuse(shown(...args));
      }
    };
  return new GraphQLScalarType({
    name,
    serialize: attempt(
      (value: unknown) => library.serialize(value),
      (value) => value,
    ),
    parseValue: attempt(
      (value: unknown) => library.parseValue(value),
      (value) => value,
    ),
    parseLiteral: attempt(
      (ast: ValueNode) => library.parseLiteral(ast, undefined),
      (ast) => (ast.kind === Kind.STRING ? ast.value : undefined),
    ),
  });
}

/**
 * YYYY-MM-DD, a day that exists, checked both ways and kept a string (graphql-scalars' LocalDate: the
 * columns are read in string mode, so no time zone is involved; its `Date` would parse to a JS Date).
 */
export const DateScalar = renamed('Date', GraphQLLocalDate, '日期应为 YYYY-MM-DD 格式的真实日期', 'a Date must be a real day written YYYY-MM-DD');

/**
 * RFC 3339 (ISO 8601 with seconds and a zone, Z or ±hh:mm: a time without a zone is ambiguous between
 * servers): graphql-scalars' DateTimeISO, which accepts any zone and returns UTC (`toISOString`), and
 * parses to a `Date`.
 */
export const DateTimeScalar = renamed('DateTime', GraphQLDateTimeISO, '时间应为带时区的 ISO 8601 格式', 'a DateTime must be ISO 8601 with a zone');
