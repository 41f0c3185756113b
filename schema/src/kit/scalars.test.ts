import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar, DateTimeScalar } from './scalars.ts';

/** The refusal a call throws: a GraphQLError with code INVALID_ARGUMENT and a message in both languages. */
function refusal(call: () => unknown): GraphQLError {
  try {
    call();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('Date', () => {
  it('takes and returns a day that exists, YYYY-MM-DD, as a string', () => {
    expect(['2024-02-29', '1880-01-01', '0050-06-30'].map((day) => DateScalar.parseValue(day))).toEqual(['2024-02-29', '1880-01-01', '0050-06-30']);
    expect(DateScalar.serialize('2026-12-31')).toBe('2026-12-31');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-01-31' }, undefined)).toBe('2026-01-31');
  });

  it.each(['2023-02-29', '2026-04-31', '2026-13-01', '2026-1-01', '20260101', ' 2026-01-01'])('refuses %j in both languages', (day) => {
    const error = refusal(() => DateScalar.parseValue(day));
    expect(error.extensions.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe(`日期应为 YYYY-MM-DD 格式的真实日期 / a Date must be a real day written YYYY-MM-DD, got ${JSON.stringify(day)}`);
  });

  it('refuses a literal that is not a string, and a value it should not return', () => {
    expect(refusal(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20260101' }, undefined)).extensions.code).toBe('INVALID_ARGUMENT');
    expect(refusal(() => DateScalar.serialize('2026-02-30')).extensions.code).toBe('INVALID_ARGUMENT');
  });
});

describe('DateTime', () => {
  it('takes any zone, parses to a Date and returns UTC (toISOString)', () => {
    expect((DateTimeScalar.parseValue('2024-05-01T18:00:00+08:00') as Date).toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(DateTimeScalar.serialize('2024-05-01T04:30:00.5-05:30')).toBe('2024-05-01T10:00:00.500Z');
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2024, 4, 1, 10)))).toBe('2024-05-01T10:00:00.000Z');
  });

  it.each(['2024-05-01T10:00:00', '2024-05-01', '2024-05-01T10:00Z', '2024-02-30T10:00:00Z', 'yesterday'])(
    'refuses %j (no zone, no seconds, no such day) in both languages',
    (instant) => {
      const error = refusal(() => DateTimeScalar.parseValue(instant));
      expect(error.extensions.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toBe(`时间应为带时区的 ISO 8601 格式 / a DateTime must be ISO 8601 with a zone, got ${JSON.stringify(instant)}`);
    },
  );
});
