import { DrizzleQueryError } from 'drizzle-orm/errors';
import { GraphQLError } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureLogs, type LogCapture } from '../testing/captureLogs.ts';
import { hubLogger, logError } from './logError.ts';
import { maskUnexpectedErrors } from './maskErrors.ts';
import { maskIdNumbers, maskText } from './maskPersonalData.ts';

const ID = '41010219850317001X';
const NAME = '欧阳建国';

/** What the hub's logger wrote while a test ran: its JSON lines, and their `error` texts unescaped. */
let capture: LogCapture;
const printed = () => [capture.text(), ...capture.lines().map((line) => String(line.error ?? ''))].join('\n');
beforeEach(() => {
  capture = captureLogs();
});
afterEach(() => capture.stop());

/** A database error as drizzle gives it: its message and stack repeat the parameters; PostgreSQL's detail repeats the row. */
function failedInsert() {
  const cause = Object.assign(new Error('new row for relation "persons" violates check constraint "persons_name_check"'), {
    code: '23514',
    detail: `Failing row contains (${ID}, ${NAME}, 汉族, 河南郑州).`,
    constraint: 'persons_name_check',
  });
  return new DrizzleQueryError(
    'insert into "hr"."persons" ("id_number", "name", "ethnicity", "native_place") values ($1, $2, $3, $4)',
    [ID, NAME, '汉族', '河南郑州'],
    cause,
  );
}

describe('logError', () => {
  it('masks the ID number and the name of a failed query wherever they appear (message, stack, detail)', () => {
    const error = failedInsert();
    expect(`${error.message}${error.stack}`).toContain(NAME); // what console.error(error) used to print
    logError({ source: 'hub' }, error);
    const out = printed();
    expect(out).not.toContain(ID);
    expect(out).not.toContain(NAME);
    expect(out).not.toContain('河南郑州');
    expect(out).toContain('410102***********X');
    // What failed and where stays readable.
    expect(out).toContain('insert into "hr"."persons"');
    expect(out).toContain('code: 23514');
    expect(out).toContain('constraint: persons_name_check');
    expect(out).toMatch(/\n\s+at /);
  });

  it('masks values of the request that reappear in any error, and never writes the variables', () => {
    const long = 'x'.repeat(100_000);
    logError(
      { source: 'gateway', requestId: 'r-1', variables: { input: { idNumber: ID, name: NAME, note: long, count: 3 } } },
      new Error(`cannot register ${NAME} (${ID}): ${long}`),
    );
    const out = printed();
    expect(capture.lines()[0]).toMatchObject({ level: 50, source: 'gateway', requestId: 'r-1' });
    expect(out).not.toContain(NAME);
    expect(out).not.toContain(ID);
    expect(capture.text().length).toBeLessThan(2_000);
  });

  it('is what maskUnexpectedErrors logs with: the client gets INTERNAL_SERVER_ERROR, the log no personal data', () => {
    const error = new GraphQLError('unexpected', { originalError: failedInsert(), path: ['registerPerson'] });
    const masked = maskUnexpectedErrors({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
    expect(masked.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(masked)).not.toContain(ID);
    const out = printed();
    expect(out).toContain('persons_name_check');
    expect(out).not.toContain(ID);
    expect(out).not.toContain(NAME);
  });

  it("serves as Apollo's logger", () => {
    hubLogger.error(failedInsert());
    hubLogger.warn(`Unexpected error processing request: ${ID}`);
    expect(capture.lines().map((line) => [line.level, line.source])).toEqual([
      [50, 'apollo'],
      [40, 'apollo'],
    ]);
    expect(printed()).not.toContain(ID);
    expect(printed()).not.toContain(NAME);
  });
});

describe('masks', () => {
  it('keep an ID number region and check character, and leave other numbers alone', () => {
    expect(maskIdNumbers(`a ${ID}, b 41010219850317001x; c 123456789012345678901 d 12410102MB34752R5T`)).toBe(
      'a 410102***********X, b 410102***********x; c 123456789012345678901 d 12410102MB34752R5T',
    );
  });

  it('show text by its first character and length, and leave numbers, dates and enum values', () => {
    expect(maskText(NAME)).toBe('欧***');
    expect(maskText('张三')).toBe('张*');
    expect(maskText('y'.repeat(100_000))).toBe('y***…(100000 chars)');
    expect([maskText('2024-01-31'), maskText('PUBLIC_SERVICE'), maskText('42')]).toEqual(['2024-01-31', 'PUBLIC_SERVICE', '42']);
  });
});
