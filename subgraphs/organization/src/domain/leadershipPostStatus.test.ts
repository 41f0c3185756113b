import { describe, expect, it } from 'vitest';
import { leadershipPostStatus } from './leadershipPostStatus.ts';

const TODAY = '2026-12-02';

describe('leadershipPostStatus', () => {
  it('is OK when filled as approved, OVER_FILLED above it', () => {
    const two = [
      { appointedOn: '2020-01-01', leftOn: null },
      { appointedOn: '2022-05-01', leftOn: null },
    ];
    expect(leadershipPostStatus(2, two, TODAY, 12)).toEqual({ state: 'OK', approved: 2, filled: 2, vacant: 0, vacantSince: null, vacantMonths: null });
    expect(leadershipPostStatus(1, two, TODAY, 12)).toMatchObject({ state: 'OVER_FILLED', filled: 2, vacant: -1 });
  });

  it('dates a vacancy from the leaving that opened it, and calls it long after longVacantMonths', () => {
    const tenures = [
      { appointedOn: '2018-03-01', leftOn: null },
      { appointedOn: '2019-07-01', leftOn: '2024-06-30' },
    ];
    expect(leadershipPostStatus(2, tenures, TODAY, 12)).toEqual({
      state: 'LONG_VACANT',
      approved: 2,
      filled: 1,
      vacant: 1,
      vacantSince: '2024-06-30',
      vacantMonths: 29,
    });
    expect(leadershipPostStatus(2, tenures, TODAY, 30)).toMatchObject({ state: 'VACANT', vacantSince: '2024-06-30' });
  });

  it('keeps the first day of an unbroken gap, through later leavings and refillings that never fill every post', () => {
    const tenures = [
      { appointedOn: '2015-01-01', leftOn: null },
      { appointedOn: '2016-01-01', leftOn: '2021-03-01' },
      { appointedOn: '2016-01-01', leftOn: '2023-01-01' },
      { appointedOn: '2023-06-01', leftOn: null },
    ];
    // Three approved: full until 2021-03-01, then two, one, two again — never three.
    expect(leadershipPostStatus(3, tenures, TODAY, 12)).toMatchObject({ state: 'LONG_VACANT', filled: 2, vacantSince: '2021-03-01' });
  });

  it('a gap that closed and opened again counts from the latest opening', () => {
    const tenures = [
      { appointedOn: '2015-01-01', leftOn: '2020-01-01' },
      { appointedOn: '2021-01-01', leftOn: '2026-09-15' },
    ];
    expect(leadershipPostStatus(1, tenures, TODAY, 12)).toMatchObject({ state: 'VACANT', vacantSince: '2026-09-15', vacantMonths: 2 });
  });

  it('cannot date a vacancy the records never show filled', () => {
    expect(leadershipPostStatus(3, [{ appointedOn: '2020-01-01', leftOn: null }], TODAY, 12)).toMatchObject({
      state: 'VACANT',
      vacantSince: null,
      vacantMonths: null,
    });
    expect(leadershipPostStatus(1, [], TODAY, 12)).toMatchObject({ state: 'VACANT', filled: 0, vacantSince: null });
  });
});
