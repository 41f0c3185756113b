import { leaderPosts } from './cadrePosts.ts';
import { expectedCategories } from './categories.ts';
import { addDays, TODAY_DAY, toDay, toIso } from './dates.ts';
import type { IdNumberFactory } from './idNumbers.ts';
import type { InstitutionDraft } from './institutions.ts';
import type { PersonDraft } from './persons.ts';
import type { Random } from './random.ts';
import { headRankIndex, rankAt } from './ranks.ts';
import type { Removed } from './removals.ts';
import type { City, Planted } from './types.ts';

export { PLANTED_DESCRIPTIONS } from './plantedDescriptions.ts';

export interface PlantContext {
  drafts: InstitutionDraft[];
  staff: PersonDraft[];
  removed: Removed[];
  ids: IdNumberFactory;
  small: InstitutionDraft;
  large: InstitutionDraft;
}

const byKey = <T, K>(rows: T[], key: (r: T) => K) => new Map(rows.map((r) => [key(r), r] as const));

/** Plants each problem exactly once, each in its own institution, never in the two reference institutions. */
export function plantProblems(rng: Random, city: Omit<City, 'planted'>, ctx: PlantContext): Planted {
  const used = new Set([ctx.small.row.creditCode, ctx.large.row.creditCode]);
  const take = (d: InstitutionDraft) => {
    used.add(d.row.creditCode);
    return d;
  };
  const institution = (ok: (d: InstitutionDraft) => boolean = () => true) =>
    take(rng.pick(ctx.drafts.filter((d) => !used.has(d.row.creditCode) && d.inQuota >= 10 && ok(d))));
  const member = (d: InstitutionDraft) => rng.pick(ctx.staff.filter((p) => p.institution === d && p.employment === 'IN_QUOTA' && !p.cadre));
  const payroll = byKey(city.finance.payrollRecords, (r) => r.idNumber);
  const budget = byKey(city.finance.budgetUnits, (b) => b.institutionCreditCode);

  const candidates = ctx.removed.filter((r) => r.removal.reason === 'RETIREMENT' && !used.has(r.removal.institutionCreditCode));
  const gone = [...(candidates.length ? candidates : ctx.removed)].sort(
    (a, b) => Math.abs(toDay(a.removal.effectiveOn) - toDay('2026-06-30')) - Math.abs(toDay(b.removal.effectiveOn) - toDay('2026-06-30')),
  )[0]!;
  used.add(gone.removal.institutionCreditCode);
  Object.assign(payroll.get(gone.person.idNumber)!, { onPayroll: true, lastPaidMonth: '2026-10' });

  const over = institution((d) => d.inQuota >= 20);
  const quota = city.staffing.quotas.find((q) => q.institutionCreditCode === over.row.creditCode && q.category === expectedCategories(over)[0])!;
  const occupied = city.staffing.ledgerEntries.filter((e) => e.institutionCreditCode === over.row.creditCode && e.quotaCategory === quota.category).length;
  Object.assign(quota, { approved: occupied - 2, reserved: 0, vacantSince: null });
  budget.get(over.row.creditCode)!.budgetedHeadcount = city.staffing.quotas
    .filter((q) => q.institutionCreditCode === over.row.creditCode)
    .reduce((n, q) => n + q.approved, 0);

  const uninsured = member(institution());
  Object.assign(city.hr.insurances.find((i) => i.idNumber === uninsured.idNumber)!, { enrolled: false, occupationalAnnuity: false, since: null });

  const holder = member(institution());
  const second = institution();
  const firstCard = city.staffing.staffingCards.find((c) => c.idNumber === holder.idNumber)!;
  const secondCard = {
    number: `BZ${second.row.creditCode.slice(2, 8)}${String(city.staffing.staffingCards.length + 1).padStart(6, '0')}`,
    idNumber: holder.idNumber,
    institutionCreditCode: second.row.creditCode,
    category: expectedCategories(second)[0]!,
    issuedOn: toIso(rng.int(Math.min(toDay(addDays(firstCard.issuedOn, 30)), TODAY_DAY - 20), TODAY_DAY - 20)),
    status: 'ACTIVE' as const,
  };
  city.staffing.staffingCards.push(secondCard);

  const mistyped = member(institution());
  const mistypedIdNumber = ctx.ids.mistype(mistyped.idNumber);
  payroll.get(mistyped.idNumber)!.idNumber = mistypedIdNumber;

  const unfunded = institution((d) => d.row.fundingForm === 'FULL');
  budget.get(unfunded.row.creditCode)!.fundingForm = 'PARTIAL';

  const leaders = new Map<string, number>();
  for (const c of city.organization.cadres) if (c.leadership) leaders.set(c.institutionCreditCode, (leaders.get(c.institutionCreditCode) ?? 0) + 1);
  const dispatched = (d: InstitutionDraft) =>
    ctx.staff.filter((p) => p.institution === d && (p.employment === 'LABOR_DISPATCH' || p.employment === 'PERSONNEL_AGENCY'));
  const host = institution((d) => (leaders.get(d.row.creditCode) ?? 0) < d.row.leadershipPostsApproved && dispatched(d).length > 0);
  const outsider = rng.pick(dispatched(host));
  city.organization.cadres.push({
    idNumber: outsider.idNumber,
    name: outsider.name,
    institutionCreditCode: host.row.creditCode,
    post: leaderPosts(host.template).deputy,
    rank: rankAt(headRankIndex(host) + 1),
    leadership: true,
    appointedOn: toIso(rng.int(toDay(outsider.employmentSince), TODAY_DAY - 15)),
  });

  return {
    removedStillPaid: { idNumber: gone.person.idNumber, creditCode: gone.removal.institutionCreditCode, effectiveOn: gone.removal.effectiveOn },
    overQuota: { creditCode: over.row.creditCode, category: quota.category, approved: quota.approved, occupied },
    uninsured: { idNumber: uninsured.idNumber, creditCode: uninsured.institution.row.creditCode },
    twoCards: {
      idNumber: holder.idNumber,
      cardNumbers: [firstCard.number, secondCard.number],
      creditCodes: [firstCard.institutionCreditCode, second.row.creditCode],
    },
    mistypedId: { trueIdNumber: mistyped.idNumber, mistypedIdNumber, creditCode: mistyped.institution.row.creditCode },
    fundingMismatch: { creditCode: unfunded.row.creditCode, staffing: 'FULL', finance: 'PARTIAL' },
    cadreNotOnLedger: { idNumber: outsider.idNumber, creditCode: host.row.creditCode, employmentType: outsider.employment! },
    smallInstitution: { creditCode: ctx.small.row.creditCode },
    largeInstitution: { creditCode: ctx.large.row.creditCode },
  };
}
