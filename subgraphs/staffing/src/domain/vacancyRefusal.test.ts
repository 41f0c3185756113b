import { describe, expect, it } from 'vitest';
import { vacancyRefusal } from './vacancyRefusal.ts';

describe('vacancyRefusal', () => {
  it('admits persons up to the vacancy, reservations of earlier approvals counted', () => {
    expect(vacancyRefusal({ approved: 10, occupied: 7, reserved: 1 }, 2)).toBeNull();
    expect(vacancyRefusal({ approved: 10, occupied: 7, reserved: 1 }, 3)).toEqual({ code: 'NO_VACANCY', vacant: 2 });
  });
  it('refuses a full category as without vacancy, an over-full one as over quota', () => {
    expect(vacancyRefusal({ approved: 5, occupied: 4, reserved: 1 }, 1)).toEqual({ code: 'NO_VACANCY', vacant: 0 });
    expect(vacancyRefusal({ approved: 5, occupied: 6, reserved: 0 }, 1)).toEqual({ code: 'OVER_QUOTA', vacant: -1 });
    expect(vacancyRefusal({ approved: 5, occupied: 4, reserved: 2 }, 1)).toEqual({ code: 'OVER_QUOTA', vacant: -1 });
  });
  it('refuses a category with no approved quota, even with persons on it', () => {
    expect(vacancyRefusal(null, 1)).toEqual({ code: 'NO_QUOTA', vacant: 0 });
    expect(vacancyRefusal({ approved: 0, occupied: 2, reserved: 0 }, 1)).toEqual({ code: 'NO_QUOTA', vacant: -2 });
  });
});
