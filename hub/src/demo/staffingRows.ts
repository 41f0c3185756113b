import { expectedCategories } from './categories.ts';
import { addDays, maxIso } from './dates.ts';
import type { InstitutionDraft } from './institutions.ts';
import type { PersonDraft } from './persons.ts';
import type { Random } from './random.ts';
import type { Removed } from './removals.ts';
import type { City, LedgerEntryRow, QuotaCategory, QuotaRow, StaffingCardRow } from './types.ts';
import { demoVacantSince } from './vacantSince.ts';

/** Cards were introduced in 2013; older staff got theirs then. */
const CARDS_FROM = '2013-03-01';

function ledgerEntry(p: PersonDraft, card: string): LedgerEntryRow {
  return {
    idNumber: p.idNumber,
    institutionCreditCode: p.institution.row.creditCode,
    quotaCategory: p.category!,
    name: p.name,
    ethnicity: p.ethnicity,
    nativePlace: p.nativePlace,
    politicalStatus: p.politicalStatus,
    post: p.post,
    workStartDate: p.workStartDate,
    unitJoinDate: p.unitJoinDate,
    staffingCardNumber: card,
  };
}

/** Approved = occupied + a few vacancies; some vacancies are held by pending approvals (reserved). */
function quotaRows(rng: Random, d: InstitutionDraft, occupied: Map<QuotaCategory, number>): QuotaRow[] {
  const categories = [...new Set([...expectedCategories(d), ...occupied.keys()])];
  return categories.flatMap((category) => {
    const n = occupied.get(category) ?? 0;
    const vacant = rng.weighted([
      [0, 25],
      [1, 25],
      [2, 20],
      [3, 15],
      [rng.int(4, 10), 15],
    ] as const);
    if (n + vacant === 0) return [];
    const reserved = vacant > 0 && rng.chance(0.15) ? rng.int(1, Math.min(2, vacant)) : 0;
    const vacantSince = vacant - reserved > 0 ? demoVacantSince(d.row.creditCode, category) : null;
    return [{ institutionCreditCode: d.row.creditCode, category, approved: n + vacant, reserved, vacantSince }];
  });
}

/** The Staffing Office's rows: institutions, quotas, the ledger, cards (revoked for the removed) and removals. */
export function staffingRows(rng: Random, drafts: InstitutionDraft[], inQuota: PersonDraft[], removed: Removed[]): City['staffing'] {
  let serial = 0;
  const staffingCards: StaffingCardRow[] = [];
  const issueCard = (p: PersonDraft, status: StaffingCardRow['status']): string => {
    const number = `BZ${p.institution.row.creditCode.slice(2, 8)}${String(++serial).padStart(6, '0')}`;
    const issuedOn = maxIso(p.unitJoinDate, addDays(CARDS_FROM, rng.int(0, 300)));
    staffingCards.push({ number, idNumber: p.idNumber, institutionCreditCode: p.institution.row.creditCode, category: p.category!, issuedOn, status });
    return number;
  };
  const ledgerEntries = inQuota.map((p) => ledgerEntry(p, issueCard(p, 'ACTIVE')));
  for (const r of removed) issueCard(r.person, 'REVOKED');
  const occupied = new Map<string, Map<QuotaCategory, number>>();
  for (const e of ledgerEntries) {
    const m = occupied.get(e.institutionCreditCode) ?? new Map<QuotaCategory, number>();
    m.set(e.quotaCategory, (m.get(e.quotaCategory) ?? 0) + 1);
    occupied.set(e.institutionCreditCode, m);
  }
  return {
    institutions: drafts.map((d) => d.row),
    quotas: drafts.flatMap((d) => quotaRows(rng, d, occupied.get(d.row.creditCode) ?? new Map())),
    ledgerEntries,
    staffingCards,
    removals: removed.map((r) => r.removal),
  };
}
