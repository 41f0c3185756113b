import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from './calendarDate.ts';

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'INVALID_ARGUMENT' } });

function readDay(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw badInput(`日期应为 YYYY-MM-DD 格式的真实日期 / a Date must be a real day written YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

/** YYYY-MM-DD, checked both ways (the columns are read in string mode, so no time zone is involved). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: readDay,
  parseValue: readDay,
  parseLiteral: (ast) => readDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** ISO 8601 with a zone (Z or ±hh:mm): a time without a zone is ambiguous between servers. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function readInstant(value: unknown): Date {
  const instant = typeof value === 'string' && INSTANT.test(value) ? new Date(value) : undefined;
  if (instant && !Number.isNaN(instant.getTime())) return instant;
  throw badInput(`时间应为带时区的 ISO 8601 格式 / a DateTime must be ISO 8601 with a zone, got ${JSON.stringify(value)}`);
}

/** Accepts any zone, returns UTC (`toISOString`); parses to a `Date`. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value : readInstant(value)).toISOString(),
  parseValue: readInstant,
  parseLiteral: (ast) => readInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});
