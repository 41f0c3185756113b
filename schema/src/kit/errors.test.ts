import { describe, expect, it } from 'vitest';
import { ErrorCode, hubError } from './errors.ts';

describe('hubError', () => {
  it('says both languages in the message and carries code, field and each part in extensions', () => {
    const error = hubError(ErrorCode.NOT_FOUND, 'input.idNumber', '此人不在实名制台账上', 'this person is not on the real-name ledger');
    expect(error.toJSON()).toEqual({
      message: '此人不在实名制台账上 / this person is not on the real-name ledger',
      extensions: { code: 'NOT_FOUND', field: 'input.idNumber', messageZh: '此人不在实名制台账上', messageEn: 'this person is not on the real-name ledger' },
    });
  });

  it('leaves field out when none is at fault, adds what the code needs, and takes a path', () => {
    const error = hubError(
      ErrorCode.FORBIDDEN,
      null,
      '无权读取',
      'not allowed',
      { reason: 'NOT_GRANTED', coordinate: 'Person.idNumber' },
      { path: ['person', 'idNumber'] },
    );
    expect(error.toJSON()).toEqual({
      message: '无权读取 / not allowed',
      path: ['person', 'idNumber'],
      extensions: { code: 'FORBIDDEN', messageZh: '无权读取', messageEn: 'not allowed', reason: 'NOT_GRANTED', coordinate: 'Person.idNumber' },
    });
  });

  it('keeps an empty field, which some refusals name today', () => {
    expect(hubError(ErrorCode.UNAUTHENTICATED, '', '请先登录', 'sign in first').extensions).toEqual({
      code: 'UNAUTHENTICATED',
      field: '',
      messageZh: '请先登录',
      messageEn: 'sign in first',
    });
  });
});

describe('ErrorCode', () => {
  it('is one list of SCREAMING_SNAKE codes, each its own name', () => {
    for (const [name, code] of Object.entries(ErrorCode)) expect([name, code]).toEqual([name, name]);
    expect(Object.keys(ErrorCode).filter((code) => !/^[A-Z]+(_[A-Z]+)*$/.test(code))).toEqual([]);
  });
});
