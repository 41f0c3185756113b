import { beijingDay, beijingMonth, previousMonth } from '@hub/schema';
import { institutionFindings } from '../domain/verification/institutionFindings.ts';
import { listedFindings, type UnreportedUnit, type UnusedApproval } from '../domain/verification/listedFindings.ts';
import { nearDuplicates, type SameNameBirthGroup, sameNameBirthGroup } from '../domain/verification/nearDuplicates.ts';
import { personFindings } from '../domain/verification/personFindings.ts';
import { staleData } from '../domain/verification/staleData.ts';
import type { FindingDraft, InstitutionFigures, PersonRecord } from '../domain/verification/types.ts';
import type { HubReader } from './hubReader.ts';
import { type BulkSource, readPages, readRows } from './readRows.ts';
import { type Row, SortedStream } from './sortedStream.ts';

/** Rows per bulk page: well under the offices' limit (5,000), large enough that a province takes few requests. */
export const VERIFICATION_PAGE_SIZE = 4000;

export type Progress = (phase: string, processed: number, total: number | null, done: boolean) => void;

const src = (field: BulkSource['field'], enumType: string, dataset: string): BulkSource => ({ field, enumType, dataset });
const STAFFING = (d: string) => src('staffingVerificationRows', 'StaffingVerificationDataset', d);
const FINANCE = (d: string) => src('financeVerificationRows', 'FinanceVerificationDataset', d);

/** The person-keyed datasets, each sorted by ID number: merged, they give one PersonRecord per number. */
const PERSON_SOURCES = {
  ledger: STAFFING('LEDGER'),
  cards: STAFFING('STAFFING_CARDS'),
  removals: STAFFING('REMOVALS'),
  notices: STAFFING('STOP_PAY_NOTICES'),
  hr: src('hrVerificationRows', 'HrVerificationDataset', 'PERSONS'),
  cadres: src('organizationVerificationRows', 'OrganizationVerificationDataset', 'CADRES'),
  payroll: FINANCE('PAYROLL'),
  applied: FINANCE('STOP_PAY_NOTICES'),
} as const;

const phaseName = (s: BulkSource) => `${s.field.replace('VerificationRows', '')}.${s.dataset.toLowerCase()}`;

/**
 * Reads the four offices through the hub (bulk pages, never a whole table in one answer) and runs
 * every check. Memory: the institutions' figures (one small object per institution) and the findings;
 * persons pass through one at a time, merged from the offices' reads sorted by ID number.
 */
export async function collectFindings(
  reader: HubReader,
  now: Date,
  progress: Progress,
  pageSize = VERIFICATION_PAGE_SIZE,
): Promise<{ drafts: FindingDraft[]; institutions: Map<string, InstitutionFigures> }> {
  const read = (s: BulkSource) => readRows(reader, s, pageSize, (n, total, done) => progress(phaseName(s), n, total, done));
  const drain = async (s: BulkSource, each: (row: Record<string, string | null>) => void) => {
    let n = 0;
    for await (const row of read(s)) {
      each(row);
      n++;
    }
    progress(phaseName(s), n, n, true);
  };

  // Institutions first: the person checks add to their figures.
  const institutions = new Map<string, InstitutionFigures>();
  await drain(STAFFING('INSTITUTIONS'), (r) =>
    institutions.set(r.creditCode!, {
      creditCode: r.creditCode!,
      name: r.name!,
      level: r.level!,
      system: r.system!,
      fundingForm: r.fundingForm!,
      leadershipPostsApproved: Number(r.leadershipPostsApproved),
      quotas: new Map(),
      budget: null,
      employedInQuota: 0,
      leadershipFilled: 0,
    }),
  );
  // HR's groups of one name, birth date and native place under several ID numbers (few: HR aggregates them).
  const sameNameBirth: SameNameBirthGroup[] = [];
  await Promise.all([
    drain(src('hrVerificationRows', 'HrVerificationDataset', 'SAME_NAME_BIRTH'), (r) => sameNameBirth.push(sameNameBirthGroup(r))),
    drain(STAFFING('QUOTAS'), (r) => institutions.get(r.creditCode!)?.quotas.set(r.category!, { approved: Number(r.approved), occupied: 0 })),
    drain(FINANCE('BUDGET_UNITS'), (r) => {
      const f = institutions.get(r.creditCode!);
      if (f) f.budget = { fundingForm: r.fundingForm!, budgetedHeadcount: Number(r.budgetedHeadcount) };
    }),
  ]);

  const today = beijingDay(now);
  const drafts: FindingDraft[] = [];
  const strayNames = new Map<string, string>();
  let latestPaidMonth: string | null = null;
  const streams = Object.values(PERSON_SOURCES).map(
    (s) => new SortedStream(readPages(reader, s, pageSize, (n, total, done) => progress(phaseName(s), n, total, done))),
  );
  let persons = 0;
  for (;;) {
    let idNumber: string | null = null;
    for (const s of streams) {
      if (s.empty) await s.fill();
      const head = s.head();
      if (head !== null && (idNumber === null || head < idNumber)) idNumber = head;
    }
    if (idNumber === null) break;
    // Only a person whose rows reach the end of a page in hand waits for the next page (take).
    const taken: Row[][] = [];
    for (const s of streams) taken.push(s.takeNow(idNumber) ?? (await s.take(idNumber)));
    const record = personRecord(idNumber, streams, taken);
    if (record.ledger) {
      const q = institutions.get(record.ledger.creditCode)?.quotas.get(record.ledger.category);
      if (q) q.occupied++;
    }
    if (record.hr?.employment?.type === 'IN_QUOTA') {
      const f = institutions.get(record.hr.employment.creditCode);
      if (f) f.employedInQuota++;
    }
    if (record.cadre?.leadership) {
      const f = institutions.get(record.cadre.creditCode);
      if (f) f.leadershipFilled++;
    }
    const paidMonth = record.payroll?.onPayroll ? record.payroll.lastPaidMonth : null;
    if (paidMonth && (latestPaidMonth === null || paidMonth > latestPaidMonth)) latestPaidMonth = paidMonth;
    const found = personFindings(record, now, today);
    for (const d of found) {
      if (d.type === 'PAID_NOT_ON_ROSTER' && record.payroll) strayNames.set(idNumber, record.payroll.nameOnRecord);
      if (d.type === 'ON_ROSTER_NOT_PAID' && record.ledger) strayNames.set(idNumber, record.ledger.name);
    }
    drafts.push(...found);
    if (++persons % 2000 === 0) progress('checks.persons', persons, null, false);
  }
  progress('checks.persons', persons, persons, true);

  for (const f of institutions.values()) drafts.push(...institutionFindings(f));
  const listed = await readStaffingLists(reader, now);
  progress('staffing.lists', listed.unreported.length + listed.unused.length, null, true);
  drafts.push(...listedFindings(listed.unreported, listed.unused));
  const stale = staleData(
    'finance',
    'PayrollRecord.lastPaidMonth',
    listed.payrollEntry.code,
    listed.payrollEntry.updateCycle,
    latestPaidMonth,
    beijingMonth(now),
  );
  if (stale) drafts.push(stale);
  return { drafts: nearDuplicates(drafts, strayNames, sameNameBirth), institutions };
}

/** What the eight streams (PERSON_SOURCES' order) hold under one ID number, as the checks read it. */
function personRecord(idNumber: string, streams: SortedStream[], taken: Row[][]): PersonRecord {
  const [L, K, R, N, H, C, P, A] = streams as [SortedStream, SortedStream, SortedStream, SortedStream, SortedStream, SortedStream, SortedStream, SortedStream];
  const [ledger, cards, removals, notices, hr, cadres, payroll, applied] = taken as [Row[], Row[], Row[], Row[], Row[], Row[], Row[], Row[]];
  const l = ledger[0];
  const h = hr[0];
  const c = cadres[0];
  const p = payroll[0];
  return {
    idNumber,
    ledger: l
      ? {
          creditCode: L.value(l, 'creditCode')!,
          category: L.value(l, 'category')!,
          name: L.value(l, 'name')!,
          staffingCardNumber: L.value(l, 'staffingCardNumber'),
        }
      : null,
    cards: cards.map((k) => ({ number: K.value(k, 'number')!, creditCode: K.value(k, 'creditCode')!, category: K.value(k, 'category')! })),
    removals: removals
      .map((r) => ({ id: R.value(r, 'id')!, creditCode: R.value(r, 'creditCode')!, reason: R.value(r, 'reason')!, effectiveOn: R.value(r, 'effectiveOn')! }))
      .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : 1)),
    stopPayNotices: notices.map((n) => ({ number: N.value(n, 'number')!, creditCode: N.value(n, 'creditCode')!, issuedAt: N.value(n, 'issuedAt')! })),
    hr: h
      ? {
          name: H.value(h, 'name')!,
          employment: H.value(h, 'creditCode') ? { creditCode: H.value(h, 'creditCode')!, type: H.value(h, 'type')!, since: H.value(h, 'since')! } : null,
          insurance: H.value(h, 'pensionAccount')
            ? {
                pensionAccount: H.value(h, 'pensionAccount')!,
                enrolled: H.value(h, 'enrolled') === 'true',
                occupationalAnnuity: H.value(h, 'occupationalAnnuity') === 'true',
              }
            : null,
        }
      : null,
    cadre: c ? { name: C.value(c, 'name')!, creditCode: C.value(c, 'creditCode')!, leadership: C.value(c, 'leadership') === 'true' } : null,
    payroll: p
      ? {
          nameOnRecord: P.value(p, 'nameOnRecord')!,
          creditCode: P.value(p, 'creditCode')!,
          onPayroll: P.value(p, 'onPayroll') === 'true',
          lastPaidMonth: P.value(p, 'lastPaidMonth'),
        }
      : null,
    appliedStopPays: applied.map((a) => ({ noticeNumber: A.value(a, 'noticeNumber')!, appliedAt: A.value(a, 'appliedAt')!, outcome: A.value(a, 'outcome')! })),
  };
}

/** The Staffing Office's follow-up lists (its rules), and the catalog entry of the payroll month (its update cycle). */
async function readStaffingLists(reader: HubReader, now: Date) {
  const month = previousMonth(beijingMonth(now));
  const unreported: UnreportedUnit[] = [];
  const unused: UnusedApproval[] = [];
  let payrollEntry = { code: 'CZ-02-001', updateCycle: 'MONTHLY' };
  for (let after: string | null = null, more = true; more; ) {
    const data = await reader(
      `query VerificationLists($month: String!, $after: String) {
        unreportedRemovalUnits(month: $month, first: 1000, after: $after) { nodes { institution { creditCode } } pageInfo { hasNextPage endCursor } }
      }`,
      { month, after },
    );
    const page = data.unreportedRemovalUnits as {
      nodes: { institution: { creditCode: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    unreported.push(...page.nodes.map((n) => ({ creditCode: n.institution.creditCode, month })));
    more = page.pageInfo.hasNextPage;
    after = page.pageInfo.endCursor;
  }
  for (let after: string | null = null, more = true; more; ) {
    const data = await reader(
      `query VerificationApprovals($after: String) {
        unusedHiringApprovals(first: 1000, after: $after) { nodes { approvalFormNumber institution { creditCode } persons used validUntil } pageInfo { hasNextPage endCursor } }
      }`,
      { after },
    );
    const page = data.unusedHiringApprovals as {
      nodes: { approvalFormNumber: string; institution: { creditCode: string }; persons: number; used: number; validUntil: string }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    unused.push(
      ...page.nodes.map((n) => ({
        approvalFormNumber: n.approvalFormNumber,
        creditCode: n.institution.creditCode,
        persons: n.persons,
        used: n.used,
        validUntil: n.validUntil,
      })),
    );
    more = page.pageInfo.hasNextPage;
    after = page.pageInfo.endCursor;
  }
  const entries = (await reader(`query VerificationCycles { catalogEntries(providerOffice: "finance") { code updateCycle items { coordinate } } }`))
    .catalogEntries as { code: string; updateCycle: string; items: { coordinate: string }[] }[] | null;
  const entry = entries?.find((e) => e.items.some((i) => i.coordinate === 'PayrollRecord.lastPaidMonth'));
  if (entry) payrollEntry = { code: entry.code, updateCycle: entry.updateCycle };
  return { unreported, unused, payrollEntry };
}
