import { describe, expect, it } from 'vitest';
import { organizationCodeCheckChar, parseCreditCode, parseIdNumber } from '@hub/schema';
import { ageOn, endOfMonth, TODAY } from './dates.ts';
import { generateCity } from './generateCity.ts';
import { PLANTED_DESCRIPTIONS } from './planted.ts';
import type { City, QuotaCategory } from './types.ts';

const city = generateCity();
const smallCity = generateCity({ seed: 7, institutions: 140, persons: 6000 });

const group = <T>(rows: readonly T[], key: (r: T) => string) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};
/** Items failing a check (one expect per check keeps 100 000-row loops fast). */
const failing = <T>(rows: Iterable<T>, ok: (r: T) => boolean): T[] => [...rows].filter((r) => !ok(r));
const unique = (values: readonly string[]) => expect(new Set(values).size).toBe(values.length);
const month = (iso: string) => iso.slice(0, 7);

describe('generateCity: determinism and size', () => {
  it('returns byte-identical output for the same options', () => {
    expect(JSON.stringify(generateCity())).toBe(JSON.stringify(city));
    expect(JSON.stringify(generateCity({ seed: 7, institutions: 140, persons: 6000 }))).toBe(JSON.stringify(smallCity));
    expect(JSON.stringify(generateCity({ seed: 8, institutions: 140, persons: 6000 }))).not.toBe(JSON.stringify(smallCity));
  });

  it('has the default size: ≥ 300 institutions, ≥ 20 000 persons, about 75 % in quota', () => {
    expect(city.staffing.institutions).toHaveLength(320);
    expect(city.hr.persons).toHaveLength(21000);
    const inQuota = city.hr.employments.filter((e) => e.type === 'IN_QUOTA').length;
    expect(inQuota / city.hr.persons.length).toBeGreaterThan(0.7);
    expect(inQuota / city.hr.persons.length).toBeLessThan(0.8);
    expect(city.staffing.removals.length).toBe(150);
    expect(city.organization.cadres.length / inQuota).toBeGreaterThan(0.06);
    expect(city.organization.cadres.length / inQuota).toBeLessThan(0.1);
    expect(smallCity.staffing.institutions).toHaveLength(140);
    expect(smallCity.hr.persons).toHaveLength(6000);
  });

  it('covers every kind, level and system, and funding forms fit the kind', () => {
    const set = (f: (i: City['staffing']['institutions'][number]) => string) => new Set(city.staffing.institutions.map(f));
    expect(set((i) => i.kind).size).toBe(4);
    expect(set((i) => i.level).size).toBe(3);
    expect(set((i) => i.system).size).toBe(12);
    for (const i of city.staffing.institutions) if (i.kind !== 'PUBLIC_INSTITUTION') expect(i.fundingForm).toBe('FULL');
    const pis = city.staffing.institutions.filter((i) => i.kind === 'PUBLIC_INSTITUTION');
    expect(new Set(pis.map((i) => i.fundingForm)).size).toBe(3);
    expect(city.staffing.institutions.find((i) => i.name === '中州市人民医院')?.fundingForm).toBe('PARTIAL');
    expect(city.staffing.institutions.find((i) => i.name === '中州市第一中学')?.fundingForm).toBe('FULL');
  });

  it('describes every planted problem in Chinese and English', () => {
    for (const key of Object.keys(city.planted).filter((k) => !k.endsWith('Institution'))) {
      const d = PLANTED_DESCRIPTIONS[key as keyof typeof PLANTED_DESCRIPTIONS];
      expect(d.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(d.en).toMatch(/[a-z]/);
    }
  });
});

describe.each([
  ['default city', city],
  ['small city (seed 7)', smallCity],
])('%s', (_label, c) => {
  const { staffing, hr, organization, finance, planted } = c;
  const institutions = new Map(staffing.institutions.map((i) => [i.creditCode, i]));
  const ledger = new Map(staffing.ledgerEntries.map((e) => [e.idNumber, e]));
  const employments = new Map(hr.employments.map((e) => [e.idNumber, e]));
  const insurances = new Map(hr.insurances.map((i) => [i.idNumber, i]));
  const persons = new Map(hr.persons.map((p) => [p.idNumber, p]));
  const payroll = new Map(finance.payrollRecords.map((p) => [p.idNumber, p]));
  const cardsByPerson = group(staffing.staffingCards, (s) => s.idNumber);
  const removals = new Map(staffing.removals.map((r) => [r.idNumber, r]));

  it('has only valid, unique ID numbers of persons aged 22–60', () => {
    const all = [
      ...hr.persons.map((p) => p.idNumber),
      ...staffing.ledgerEntries.map((e) => e.idNumber),
      ...staffing.staffingCards.map((s) => s.idNumber),
      ...staffing.removals.map((r) => r.idNumber),
      ...organization.cadres.map((x) => x.idNumber),
      ...finance.payrollRecords.map((p) => p.idNumber),
    ];
    expect(
      failing(all, (id) => {
        const parsed = parseIdNumber(id);
        return typeof parsed !== 'string' && ageOn(parsed.birthDate) >= 22 && ageOn(parsed.birthDate) <= 60;
      }),
    ).toEqual([]);
    for (const ids of [hr.persons, hr.employments, hr.insurances, staffing.ledgerEntries, staffing.removals, organization.cadres, finance.payrollRecords]) {
      unique(ids.map((r) => r.idNumber));
    }
    const men = hr.persons.filter((p) => Number(p.idNumber[16]) % 2 === 1).length / hr.persons.length;
    expect(men).toBeGreaterThan(0.5);
    expect(men).toBeLessThan(0.6);
  });

  it('has only valid, unique credit codes of the staffing registration authority', () => {
    unique(staffing.institutions.map((i) => i.creditCode));
    const typeDigit = { PARTY_ORGAN: '1', GOVERNMENT_ORGAN: '1', PUBLIC_INSTITUTION: '2', MASS_ORGANIZATION: '3' } as const;
    expect(
      failing(staffing.institutions, (i) => {
        const parsed = parseCreditCode(i.creditCode);
        return (
          typeof parsed !== 'string' &&
          parsed.creditCode === i.creditCode &&
          i.creditCode.slice(0, 2) === `1${typeDigit[i.kind]}` &&
          i.creditCode.slice(2, 6) === '4101' &&
          organizationCodeCheckChar(i.creditCode.slice(8, 16)) === i.creditCode[16] &&
          i.leadershipPostsApproved >= 2 &&
          i.leadershipPostsApproved <= 9
        );
      }),
    ).toEqual([]);
    unique(staffing.institutions.map((i) => i.name));
    unique(staffing.staffingCards.map((s) => s.number));
    unique(finance.budgetUnits.map((b) => b.code));
    unique(finance.budgetUnits.map((b) => b.institutionCreditCode));
    unique(staffing.quotas.map((q) => q.institutionCreditCode + q.category));
  });

  it('references only existing institutions; public institutions have a competent department', () => {
    const refs = [
      ...staffing.quotas,
      ...staffing.ledgerEntries,
      ...staffing.staffingCards,
      ...staffing.removals,
      ...hr.employments,
      ...organization.cadres,
      ...finance.budgetUnits,
      ...finance.payrollRecords,
    ];
    expect(failing(refs, (r) => institutions.has(r.institutionCreditCode))).toEqual([]);
    for (const i of staffing.institutions) {
      if (i.parentCreditCode) expect(institutions.has(i.parentCreditCode)).toBe(true);
      if (i.kind === 'PUBLIC_INSTITUTION') expect(i.parentCreditCode).not.toBeNull();
    }
    expect(finance.budgetUnits).toHaveLength(staffing.institutions.length);
  });

  it('keeps every date a real date on or before today', () => {
    const dates = [
      ...staffing.ledgerEntries.flatMap((e) => [e.workStartDate, e.unitJoinDate]),
      ...staffing.staffingCards.map((s) => s.issuedOn),
      ...staffing.removals.flatMap((r) => [r.effectiveOn, r.reportedOn]),
      ...hr.employments.map((e) => e.since),
      ...hr.insurances.flatMap((i) => (i.since ? [i.since] : [])),
      ...organization.cadres.map((x) => x.appointedOn),
    ];
    const real = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
    expect(failing(new Set(dates), (d) => real(d) && d <= TODAY)).toEqual([]);
    expect(failing(staffing.ledgerEntries, (e) => e.workStartDate <= e.unitJoinDate)).toEqual([]);
    expect(failing(staffing.removals, (r) => r.effectiveOn <= r.reportedOn)).toEqual([]);
  });

  it('ledger, cards, HR and payroll agree for every in-quota person', () => {
    expect(
      failing(staffing.ledgerEntries, (e) => {
        const person = persons.get(e.idNumber);
        const job = employments.get(e.idNumber);
        const own = (cardsByPerson.get(e.idNumber) ?? []).filter((s) => s.status === 'ACTIVE' && s.institutionCreditCode === e.institutionCreditCode);
        const pay = payroll.get(e.idNumber);
        const paid =
          e.idNumber === planted.mistypedId.trueIdNumber ||
          (pay?.onPayroll === true && pay.lastPaidMonth === '2026-10' && pay.institutionCreditCode === e.institutionCreditCode && pay.nameOnRecord === e.name);
        return (
          person?.name === e.name &&
          person.ethnicity === e.ethnicity &&
          person.nativePlace === e.nativePlace &&
          job?.type === 'IN_QUOTA' &&
          job.institutionCreditCode === e.institutionCreditCode &&
          own.length === 1 &&
          own[0]!.number === e.staffingCardNumber &&
          own[0]!.category === e.quotaCategory &&
          !removals.has(e.idNumber) &&
          paid
        );
      }),
    ).toEqual([]);
    expect(
      failing(hr.employments, (e) =>
        e.type === 'IN_QUOTA'
          ? ledger.get(e.idNumber)?.institutionCreditCode === e.institutionCreditCode
          : !ledger.has(e.idNumber) &&
            !cardsByPerson.has(e.idNumber) &&
            !payroll.has(e.idNumber) &&
            insurances.get(e.idNumber)?.pensionAccount ===
              (e.type === 'PERSONNEL_AGENCY' && e.since < '2014-10-01' ? 'PUBLIC_INSTITUTION_AGENCY' : 'ENTERPRISE') &&
            insurances.get(e.idNumber)?.enrolled === true,
      ),
    ).toEqual([]);
    expect(failing(finance.payrollRecords, (p) => p.monthlyGrossPay >= 4200 && p.monthlyGrossPay <= 13000 && /^30\d{3} /.test(p.budgetLine))).toEqual([]);
  });

  it('budgets the approved funding form and headcount (except the planted mismatch)', () => {
    const approved = new Map<string, number>();
    for (const q of staffing.quotas) approved.set(q.institutionCreditCode, (approved.get(q.institutionCreditCode) ?? 0) + q.approved);
    const mismatched = finance.budgetUnits.filter((b) => b.fundingForm !== institutions.get(b.institutionCreditCode)!.fundingForm);
    expect(mismatched.map((b) => b.institutionCreditCode)).toEqual([planted.fundingMismatch.creditCode]);
    expect(institutions.get(planted.fundingMismatch.creditCode)!.fundingForm).toBe(planted.fundingMismatch.staffing);
    expect(mismatched[0]!.fundingForm).toBe(planted.fundingMismatch.finance);
    for (const b of finance.budgetUnits) {
      expect(b.budgetedHeadcount).toBe(approved.get(b.institutionCreditCode) ?? 0);
      expect(b.code).toMatch(/^YS\d{6}$/);
    }
  });

  it('removedStillPaid: the only removed person still paid', () => {
    for (const r of staffing.removals) {
      expect(ledger.has(r.idNumber) || employments.has(r.idNumber)).toBe(false);
      expect(persons.has(r.idNumber)).toBe(true);
      expect((cardsByPerson.get(r.idNumber) ?? []).map((s) => s.status)).toEqual(['REVOKED']);
      const pay = payroll.get(r.idNumber)!;
      expect(pay.institutionCreditCode).toBe(r.institutionCreditCode);
      if (r.idNumber === planted.removedStillPaid.idNumber) {
        expect(r).toMatchObject({ institutionCreditCode: planted.removedStillPaid.creditCode, reason: 'RETIREMENT' });
        expect(pay).toMatchObject({ onPayroll: true, lastPaidMonth: '2026-10' });
      } else {
        expect(pay.onPayroll).toBe(false);
        expect(pay.lastPaidMonth! < month(r.effectiveOn)).toBe(true);
      }
    }
    expect(removals.has(planted.removedStillPaid.idNumber)).toBe(true);
  });

  it('overQuota: exactly one category of one institution has vacant = -2', () => {
    const occupied = group(staffing.ledgerEntries, (e) => `${e.institutionCreditCode}|${e.quotaCategory}`);
    const quotas = new Map(staffing.quotas.map((q) => [`${q.institutionCreditCode}|${q.category}`, q]));
    const keys = new Set([...occupied.keys(), ...quotas.keys()]);
    const over: { key: string; vacant: number }[] = [];
    for (const key of keys) {
      const q = quotas.get(key);
      const vacant = (q?.approved ?? 0) - (occupied.get(key)?.length ?? 0) - (q?.reserved ?? 0);
      if (vacant < 0) over.push({ key, vacant });
    }
    expect(over).toEqual([{ key: `${planted.overQuota.creditCode}|${planted.overQuota.category}`, vacant: -2 }]);
    const q = quotas.get(`${planted.overQuota.creditCode}|${planted.overQuota.category}`)!;
    expect(q.approved).toBe(planted.overQuota.approved);
    expect(occupied.get(`${planted.overQuota.creditCode}|${planted.overQuota.category}`)).toHaveLength(planted.overQuota.occupied);
  });

  it('dates every vacancy (vacantSince set exactly where approved − occupied − reserved > 0), about half idle a year or more', () => {
    const occupied = group(staffing.ledgerEntries, (e) => `${e.institutionCreditCode}|${e.quotaCategory}`);
    const vacantOf = (q: (typeof staffing.quotas)[number]) => q.approved - (occupied.get(`${q.institutionCreditCode}|${q.category}`)?.length ?? 0) - q.reserved;
    expect(failing(staffing.quotas, (q) => vacantOf(q) > 0 === (q.vacantSince !== null))).toEqual([]);
    expect(failing(staffing.quotas, (q) => q.vacantSince === null || (q.vacantSince <= TODAY && q.vacantSince >= '2024-10-01'))).toEqual([]);
    const dated = staffing.quotas.filter((q) => q.vacantSince !== null);
    const idleYear = dated.filter((q) => q.vacantSince! <= '2025-11-01').length / dated.length;
    expect(idleYear).toBeGreaterThan(0.35);
    expect(idleYear).toBeLessThan(0.65);
  });

  it("dates some leadership vacancies: past leaders are removed persons, who left their unit's post the day they left the quota", () => {
    const past = organization.pastCadrePosts ?? [];
    expect(past.length).toBeGreaterThan(3);
    const removal = new Map(staffing.removals.map((r) => [r.idNumber, r]));
    expect(
      failing(past, (p) => removal.get(p.idNumber)?.institutionCreditCode === p.institutionCreditCode && removal.get(p.idNumber)?.effectiveOn === p.leftOn),
    ).toEqual([]);
    expect(failing(past, (p) => p.leadership && p.appointedOn < p.leftOn && p.leftOn <= TODAY)).toEqual([]);
    const current = new Set(organization.cadres.map((c) => c.idNumber));
    expect(past.filter((p) => current.has(p.idNumber))).toEqual([]);
    unique(past.map((p) => p.institutionCreditCode));
    unique(past.map((p) => p.documentNumber));
  });

  it('uninsured: exactly one in-quota person without public-institution pension enrollment', () => {
    const bad = staffing.ledgerEntries.filter((e) => {
      const i = insurances.get(e.idNumber);
      return i?.pensionAccount !== 'PUBLIC_INSTITUTION' || !i.enrolled;
    });
    expect(bad.map((e) => e.idNumber)).toEqual([planted.uninsured.idNumber]);
    expect(insurances.get(planted.uninsured.idNumber)).toMatchObject({ pensionAccount: 'PUBLIC_INSTITUTION', enrolled: false, since: null });
    expect(hr.insurances.filter((i) => !i.enrolled)).toHaveLength(1);
  });

  it('twoCards: exactly one person holds two active cards, in two institutions', () => {
    const multi = [...cardsByPerson].filter(([, cards]) => cards.filter((s) => s.status === 'ACTIVE').length > 1);
    expect(multi.map(([id]) => id)).toEqual([planted.twoCards.idNumber]);
    const cards = multi[0]![1];
    expect(cards.map((s) => s.number)).toEqual(planted.twoCards.cardNumbers);
    expect(new Set(cards.map((s) => s.institutionCreditCode)).size).toBe(2);
    expect(ledger.get(planted.twoCards.idNumber)?.staffingCardNumber).toBe(planted.twoCards.cardNumbers[0]);
    const byInstitution = group(
      staffing.staffingCards.filter((s) => s.status === 'ACTIVE'),
      (s) => s.idNumber,
    );
    expect(byInstitution.size).toBe(staffing.ledgerEntries.length);
  });

  it("mistypedId: payroll keyed by a valid near-miss of an in-quota person's ID number", () => {
    const { trueIdNumber, mistypedIdNumber, creditCode } = planted.mistypedId;
    const unknown = finance.payrollRecords.filter((p) => !persons.has(p.idNumber)).map((p) => p.idNumber);
    expect(unknown).toEqual([mistypedIdNumber]);
    const unpaid = staffing.ledgerEntries.filter((e) => !payroll.has(e.idNumber)).map((e) => e.idNumber);
    expect(unpaid).toEqual([trueIdNumber]);
    expect(ledger.get(trueIdNumber)?.institutionCreditCode).toBe(creditCode);
    expect(payroll.get(mistypedIdNumber)).toMatchObject({ institutionCreditCode: creditCode, nameOnRecord: ledger.get(trueIdNumber)!.name });
    const t = parseIdNumber(trueIdNumber);
    const m = parseIdNumber(mistypedIdNumber);
    if (typeof t === 'string' || typeof m === 'string') throw new Error('invalid');
    expect([m.birthDate, m.gender, m.regionCode]).toEqual([t.birthDate, t.gender, t.regionCode]);
    const diff = [...trueIdNumber.slice(0, 17)].filter((ch, i) => ch !== mistypedIdNumber[i]).length;
    expect(diff).toBe(1);
    expect(trueIdNumber.slice(0, 14)).toBe(mistypedIdNumber.slice(0, 14));
    const everywhere = [
      ...staffing.ledgerEntries,
      ...staffing.staffingCards,
      ...hr.employments,
      ...hr.insurances,
      ...organization.cadres,
      ...staffing.removals,
    ];
    expect(everywhere.some((r) => r.idNumber === mistypedIdNumber)).toBe(false);
  });

  it('cadreNotOnLedger: exactly one cadre outside the ledger, employed through dispatch or agency', () => {
    const outside = organization.cadres.filter((x) => !ledger.has(x.idNumber));
    expect(outside.map((x) => [x.idNumber, x.institutionCreditCode])).toEqual([[planted.cadreNotOnLedger.idNumber, planted.cadreNotOnLedger.creditCode]]);
    expect(outside[0]!.leadership).toBe(true);
    expect(['LABOR_DISPATCH', 'PERSONNEL_AGENCY']).toContain(employments.get(outside[0]!.idNumber)?.type);
    expect(employments.get(outside[0]!.idNumber)?.institutionCreditCode).toBe(planted.cadreNotOnLedger.creditCode);
    expect(cardsByPerson.has(outside[0]!.idNumber)).toBe(false);
    expect(
      failing(organization.cadres, (x) => {
        const e = ledger.get(x.idNumber);
        return x === outside[0] || (e?.institutionCreditCode === x.institutionCreditCode && e.post === x.post && e.name === x.name);
      }),
    ).toEqual([]);
  });

  it('never fills more leadership posts than approved', () => {
    const filled = group(
      organization.cadres.filter((x) => x.leadership),
      (x) => x.institutionCreditCode,
    );
    for (const [code, leaders] of filled) expect(leaders.length).toBeLessThanOrEqual(institutions.get(code)!.leadershipPostsApproved);
  });

  it('has a clean small (5 persons) and a clean large (≥ 500) institution', () => {
    const small = planted.smallInstitution.creditCode;
    const large = planted.largeInstitution.creditCode;
    expect(staffing.ledgerEntries.filter((e) => e.institutionCreditCode === small)).toHaveLength(5);
    expect(hr.employments.filter((e) => e.institutionCreditCode === small)).toHaveLength(5);
    expect(staffing.removals.some((r) => r.institutionCreditCode === small)).toBe(false);
    expect(staffing.ledgerEntries.filter((e) => e.institutionCreditCode === large).length).toBeGreaterThanOrEqual(c === city ? 500 : 100);
    const plantedCodes = [
      planted.removedStillPaid.creditCode,
      planted.overQuota.creditCode,
      planted.uninsured.creditCode,
      ...planted.twoCards.creditCodes,
      planted.mistypedId.creditCode,
      planted.fundingMismatch.creditCode,
      planted.cadreNotOnLedger.creditCode,
    ];
    expect(plantedCodes).not.toContain(small);
    expect(plantedCodes).not.toContain(large);
    expect(new Set(plantedCodes).size).toBe(plantedCodes.length);
    const quotaCategories = new Set<QuotaCategory>(staffing.quotas.filter((q) => q.institutionCreditCode === small).map((q) => q.category));
    expect(quotaCategories.has('PUBLIC_SERVICE')).toBe(true);
  });
});

describe('generateCity: hiring in progress (进人用编)', () => {
  const { hiringApplications = [], hiringApprovals = [], documentCounters = [], quotas } = city.staffing;

  it('explains every reservation by open approvals, HR holding a copy of each', () => {
    const reservedBy = group(hiringApprovals, (a) => `${a.institutionCreditCode}|${a.category}`);
    const reserved = quotas.filter((q) => q.reserved > 0);
    expect(reserved.length).toBeGreaterThan(10);
    expect(
      failing(reserved, (q) => (reservedBy.get(`${q.institutionCreditCode}|${q.category}`) ?? []).reduce((n, a) => n + a.persons - a.used, 0) === q.reserved),
    ).toEqual([]);
    expect(reservedBy.size).toBe(reserved.length);
    expect(city.hr.hiringApprovals?.map((a) => a.approvalFormNumber)).toEqual(hiringApprovals.map((a) => a.approvalFormNumber));
  });

  it('numbers the documents uniquely per year, the counters at the last number given', () => {
    unique(hiringApprovals.map((a) => a.approvalFormNumber));
    unique(hiringApprovals.map((a) => a.auditNoticeNumber));
    for (const { series, year, last } of documentCounters) {
      const numbers = hiringApprovals
        .map((a) => (series === 'AUDIT_NOTICE' ? a.auditNoticeNumber : a.approvalFormNumber))
        .filter((n) => n.includes(`〔${year}〕`));
      expect(numbers, `${series} ${year}`).toHaveLength(last);
    }
  });

  it('has approvals both within and past their six months, and applications waiting or refused', () => {
    expect(failing(hiringApprovals, (a) => a.approvedOn <= TODAY && a.validUntil > a.approvedOn)).toEqual([]);
    expect(hiringApprovals.filter((a) => a.validUntil < TODAY).length).toBeGreaterThan(5);
    expect(hiringApprovals.filter((a) => a.validUntil >= TODAY).length).toBeGreaterThan(5);
    const byStatus = group(hiringApplications, (a) => a.status);
    expect([byStatus.get('APPROVED')?.length, byStatus.get('PENDING')?.length, byStatus.get('REFUSED')?.length]).toEqual([hiringApprovals.length, 6, 2]);
    unique(hiringApplications.map((a) => String(a.id)));
  });
});

describe('generateCity: monthly removal reports (人员核减月报)', () => {
  const reports = city.staffing.monthlyRemovalReports!;
  const codes = city.staffing.institutions.map((i) => i.creditCode);

  it('has most units reporting each of August to October 2026, some not, and three units none of them', () => {
    for (const m of ['2026-08', '2026-09', '2026-10']) {
      const n = reports.filter((r) => r.month === m).length;
      expect(n / codes.length, m).toBeGreaterThan(0.8);
      expect(n, m).toBeLessThan(codes.length - 3);
    }
    const reporting = new Set(reports.map((r) => r.institutionCreditCode));
    expect(codes.filter((c) => !reporting.has(c))).toHaveLength(3);
    unique(reports.map((r) => `${r.institutionCreditCode}|${r.month}`));
  });

  it('counts the removals effective in the month that the unit had reported by then, and dates every report before today', () => {
    const late = reports.filter((r) => r.submittedAt.getTime() > new Date(`${endOfMonth(`${r.month}-01`)}T23:59:59.999+08:00`).getTime());
    expect(late.length).toBeGreaterThan(0);
    expect(failing(reports, (r) => r.submittedAt.getTime() < new Date(`${TODAY}T00:00:00+08:00`).getTime())).toEqual([]);
    const counted = reports.reduce((n, r) => n + r.removalCount, 0);
    expect(counted).toBeGreaterThan(0);
    expect(
      failing(
        reports,
        (r) =>
          r.removalCount ===
          city.staffing.removals.filter(
            (x) =>
              x.institutionCreditCode === r.institutionCreditCode &&
              month(x.effectiveOn) === r.month &&
              x.reportedOn <= r.submittedAt.toISOString().slice(0, 10),
          ).length,
      ),
    ).toEqual([]);
  });
});

describe('generateCity: plant: false (a clean city)', () => {
  const options = { seed: 7, institutions: 140, persons: 6000 };
  const clean = generateCity({ ...options, plant: false });
  const p = smallCity.planted;
  const without = <T>(rows: readonly T[], drop: (r: T) => boolean) => rows.filter((r) => !drop(r));

  it('is deterministic, and says nothing was planted', () => {
    expect(JSON.stringify(generateCity({ ...options, plant: false }))).toBe(JSON.stringify(clean));
    expect(JSON.stringify(generateCity({ ...options, plant: true }))).toBe(JSON.stringify(smallCity));
    expect(clean.planted).toBeNull();
  });

  it("has the planted city's rows as they were before planting: the same people, units and ledger", () => {
    expect(clean.staffing.institutions).toEqual(smallCity.staffing.institutions);
    expect(clean.staffing.ledgerEntries).toEqual(smallCity.staffing.ledgerEntries);
    expect(clean.staffing.removals).toEqual(smallCity.staffing.removals);
    expect(clean.hr.persons).toEqual(smallCity.hr.persons);
    expect(clean.hr.employments).toEqual(smallCity.hr.employments);
    expect(clean.organization.pastCadrePosts).toEqual(smallCity.organization.pastCadrePosts);
  });

  it('differs from the planted city exactly in the seven planted problems', () => {
    const byId = <T extends { idNumber: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.idNumber, r]));
    // twoCards, cadreNotOnLedger: the planted city has one card and one cadre more.
    expect(clean.staffing.staffingCards).toEqual(without(smallCity.staffing.staffingCards, (c) => c.number === p.twoCards.cardNumbers[1]));
    expect(clean.organization.cadres).toEqual(without(smallCity.organization.cadres, (c) => c.idNumber === p.cadreNotOnLedger.idNumber));
    // overQuota: one quota row; overQuota and fundingMismatch: their budget units.
    const quotaKey = (q: { institutionCreditCode: string; category: string }) => `${q.institutionCreditCode}|${q.category}`;
    const plantedQuota = (q: { institutionCreditCode: string; category: string }) => quotaKey(q) === `${p.overQuota.creditCode}|${p.overQuota.category}`;
    expect(without(clean.staffing.quotas, plantedQuota)).toEqual(without(smallCity.staffing.quotas, plantedQuota));
    expect(clean.staffing.quotas.find(plantedQuota)!.approved).toBeGreaterThanOrEqual(p.overQuota.occupied);
    const plantedBudget = (b: { institutionCreditCode: string }) => [p.overQuota.creditCode, p.fundingMismatch.creditCode].includes(b.institutionCreditCode);
    expect(without(clean.finance.budgetUnits, plantedBudget)).toEqual(without(smallCity.finance.budgetUnits, plantedBudget));
    // uninsured: one insurance row.
    const uninsured = (i: { idNumber: string }) => i.idNumber === p.uninsured.idNumber;
    expect(without(clean.hr.insurances, uninsured)).toEqual(without(smallCity.hr.insurances, uninsured));
    expect(clean.hr.insurances.find(uninsured)).toMatchObject({ pensionAccount: 'PUBLIC_INSTITUTION', enrolled: true, occupationalAnnuity: true });
    // removedStillPaid and mistypedId: two payroll records.
    const paid = byId(clean.finance.payrollRecords);
    const plantedPay = (r: { idNumber: string }) =>
      [p.removedStillPaid.idNumber, p.mistypedId.trueIdNumber, p.mistypedId.mistypedIdNumber].includes(r.idNumber);
    expect(without(clean.finance.payrollRecords, plantedPay)).toEqual(without(smallCity.finance.payrollRecords, plantedPay));
    expect(paid.get(p.removedStillPaid.idNumber)?.onPayroll).toBe(false);
    expect(paid.get(p.mistypedId.trueIdNumber)).toMatchObject({ onPayroll: true, institutionCreditCode: p.mistypedId.creditCode });
    expect(paid.has(p.mistypedId.mistypedIdNumber)).toBe(false);
  });

  it('budgets, pays and insures exactly what the roster says, as of October', () => {
    const approved = new Map<string, number>();
    for (const q of clean.staffing.quotas) approved.set(q.institutionCreditCode, (approved.get(q.institutionCreditCode) ?? 0) + q.approved);
    const forms = new Map(clean.staffing.institutions.map((i) => [i.creditCode, i.fundingForm]));
    expect(
      failing(
        clean.finance.budgetUnits,
        (b) => b.fundingForm === forms.get(b.institutionCreditCode) && b.budgetedHeadcount === approved.get(b.institutionCreditCode),
      ),
    ).toEqual([]);
    const occupied = group(clean.staffing.ledgerEntries, (e) => `${e.institutionCreditCode}|${e.quotaCategory}`);
    expect(failing(clean.staffing.quotas, (q) => (occupied.get(`${q.institutionCreditCode}|${q.category}`)?.length ?? 0) + q.reserved <= q.approved)).toEqual(
      [],
    );
    const onRoster = new Set(clean.staffing.ledgerEntries.map((e) => e.idNumber));
    expect(failing(clean.finance.payrollRecords, (r) => r.onPayroll === onRoster.has(r.idNumber) && (!r.onPayroll || r.lastPaidMonth === '2026-10'))).toEqual(
      [],
    );
    expect(clean.finance.payrollRecords.filter((r) => r.onPayroll)).toHaveLength(onRoster.size);
    expect(failing(clean.hr.insurances, (i) => i.enrolled)).toEqual([]);
    const cards = group(
      clean.staffing.staffingCards.filter((c) => c.status === 'ACTIVE'),
      (c) => c.idNumber,
    );
    expect(failing(cards.values(), (list) => list.length === 1)).toEqual([]);
    expect(failing(clean.organization.cadres, (c) => onRoster.has(c.idNumber))).toEqual([]);
  });

  it('has every unit reporting every month, and every hiring approval still within its validity', () => {
    const reports = clean.staffing.monthlyRemovalReports!;
    expect(reports).toHaveLength(clean.staffing.institutions.length * 3);
    const filed = new Set(reports.map((r) => `${r.institutionCreditCode}|${r.month}`));
    for (const m of ['2026-08', '2026-09', '2026-10'])
      expect(
        failing(clean.staffing.institutions, (i) => filed.has(`${i.creditCode}|${m}`)),
        m,
      ).toEqual([]);
    const approvals = clean.staffing.hiringApprovals!;
    expect(approvals.length).toBeGreaterThan(5);
    // Unused means still open six months after approval (unusedHiringApprovals): none is, nor will be before 2026-12.
    expect(failing(approvals, (a) => a.validUntil >= TODAY && a.approvedOn > '2026-06-01' && a.used < a.persons)).toEqual([]);
    const reservedBy = group(approvals, (a) => `${a.institutionCreditCode}|${a.category}`);
    const reserved = clean.staffing.quotas.filter((q) => q.reserved > 0);
    expect(
      failing(reserved, (q) => (reservedBy.get(`${q.institutionCreditCode}|${q.category}`) ?? []).reduce((n, a) => n + a.persons - a.used, 0) === q.reserved),
    ).toEqual([]);
    expect(reservedBy.size).toBe(reserved.length);
  });
});
