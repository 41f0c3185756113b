import { describe, expect, it } from 'vitest';
import { clientError, codedRefusal, errorKind } from './clientErrors.ts';

const STACK = ['Error: boom', '    at run (/srv/hr/src/db.ts:1:1)'];
/** An office's refusal as a subgraph sends it, with what a subgraph might add besides. */
const refusal = {
  message: '只能访问本单位 / own unit only',
  path: ['institution', 'ledger'],
  extensions: {
    code: 'FORBIDDEN',
    reason: 'OTHER_UNIT',
    field: 'creditCode',
    messageZh: '只能访问本单位',
    messageEn: 'own unit only',
    stacktrace: STACK,
    host: 'db-hr-01.internal',
    serviceName: 'hr',
    exception: { sql: 'SELECT 1' },
  },
};

describe('codedRefusal', () => {
  it("keeps the hub's own refusal: its code, both messages and documented extras, nothing else", () => {
    expect(codedRefusal(refusal)).toEqual({
      message: '只能访问本单位 / own unit only',
      path: ['institution', 'ledger'],
      extensions: { code: 'FORBIDDEN', reason: 'OTHER_UNIT', field: 'creditCode', messageZh: '只能访问本单位', messageEn: 'own unit only' },
    });
  });

  it('rebuilds the message from the two languages, so nothing rides in it', () => {
    expect(codedRefusal({ ...refusal, message: 'SELECT * FROM persons' })?.message).toBe('只能访问本单位 / own unit only');
  });

  it('refuses what is not a coded refusal: no code, an unknown or internal one, a message missing', () => {
    const { messageZh: _, ...noZh } = refusal.extensions;
    for (const extensions of [{}, { ...refusal.extensions, code: 'DATABASE_ERROR' }, { ...refusal.extensions, code: 'INTERNAL_SERVER_ERROR' }, noZh]) {
      expect(codedRefusal({ ...refusal, extensions })).toBeNull();
    }
  });
});

describe('clientError (the gateway formatError)', () => {
  it('masks an internal error at its path: generic, coded, bilingual, no detail', () => {
    const shown = clientError(
      { message: 'connect ECONNREFUSED 10.0.0.7:5432', path: ['person'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: STACK } },
      false,
    );
    expect(shown).toEqual({
      message: expect.stringContaining('Internal error'),
      path: ['person'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', messageZh: expect.any(String), messageEn: expect.any(String) },
    });
    expect(JSON.stringify(shown)).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|srv/);
  });

  it("masks an error coded as the request's own when a subgraph sent it (it carries a serviceName)", () => {
    const fromSubgraph = { message: 'Variable "$x" got invalid value; host db-01', extensions: { code: 'BAD_USER_INPUT', serviceName: 'hr' } };
    expect(errorKind(fromSubgraph)).toBe('internal');
    expect(clientError(fromSubgraph, false).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it("shows the request's own refusals in both languages, without suggesting names of the schema", () => {
    const shown = clientError(
      {
        message:
          'Variable "$k" got invalid value "PARTY_ORGA"; Value "PARTY_ORGA" does not exist in "InstitutionKind" enum. Did you mean the enum value "PARTY_ORGAN"?',
        locations: [{ line: 1, column: 8 }],
        extensions: { code: 'BAD_USER_INPUT' },
      },
      false,
    );
    expect(shown.message).not.toMatch(/Did you mean|PARTY_ORGAN"/);
    expect(shown.locations).toEqual([{ line: 1, column: 8 }]);
    expect(shown.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      messageZh: '变量或参数的值无效',
      messageEn: expect.stringContaining('does not exist in "InstitutionKind" enum.'),
    });
  });

  it('passes a coded refusal without its internal extensions', () => {
    expect(clientError(refusal, false)).toEqual(codedRefusal(refusal));
  });

  it('with EXPOSE_ERROR_DETAILS (development only) a masked error carries its original as `detail`; without it, never', () => {
    const internal = { message: 'relation "x" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(clientError(internal, true).extensions?.detail).toEqual(internal);
    expect(clientError(internal, false).extensions).not.toHaveProperty('detail');
    // A subgraph's failure brings its own detail (the data source adds it only when the setting is on).
    const unavailable = {
      message: 'x / y',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', messageZh: 'x', messageEn: 'y', office: 'hr', reason: 'TIMEOUT', detail: 'no answer within 5000 ms' },
    };
    expect(clientError(unavailable, true).extensions?.detail).toBe('no answer within 5000 ms');
    expect(clientError(unavailable, false).extensions).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      messageZh: 'x',
      messageEn: 'y',
      office: 'hr',
      reason: 'TIMEOUT',
    });
  });
});
