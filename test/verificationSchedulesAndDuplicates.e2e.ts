import { type SQL, sql } from 'drizzle-orm';
import { createVerificationWorker, type CatalogDb } from '@hub/catalog';
import { gatewayReader } from '@hub/launcher';
import { generateCity } from '@hub/launcher/demo';
import { idNumberCheckChar } from '@hub/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerificationChanges, startTestHub, type TestHub } from './src/index.ts';

/**
 * Two things a verification run does beyond the demo city's planted problems: NEAR_DUPLICATE_PERSON
 * across all of HR's persons (one name, birth date and native place under several ID numbers, grouped
 * by HR in its own database), and the scheduled runs (VERIFICATION_SCHEDULE): one run per period of
 * each schedule, however many workers drain the queue and however often.
 */
let clock = new Date('2026-11-02T02:00:00Z');
const city = generateCity({ seed: 11, institutions: 20, persons: 400 });
const COORDINATOR = { office: 'staffing', role: 'COORDINATOR', sub: 'xt-coordinator' };

const p = city.planted;
const planted = new Set([p.removedStillPaid.idNumber, p.uninsured.idNumber, p.twoCards.idNumber, p.mistypedId.trueIdNumber, p.cadreNotOnLedger.idNumber]);
const known = new Set(
  [city.hr.persons, city.staffing.ledgerEntries, city.finance.payrollRecords, city.organization.cadres].flatMap((rows) => rows.map((r) => r.idNumber)),
);
const employer = new Map(city.hr.employments.map((e) => [e.idNumber, e.institutionCreditCode]));
const clean = city.hr.persons.filter((h) => !planted.has(h.idNumber) && employer.has(h.idNumber) && h.idNumber.length === 18);
/** A valid ID number nobody has, with `of`'s region and birth date (a sequence code of its own). */
const twinOf = (of: string, n: number) => {
  for (let seq = 900 + n * 10; ; seq++) {
    const first17 = `${of.slice(0, 14)}${seq}`;
    const id = first17 + idNumberCheckChar(first17);
    if (!known.has(id)) return id;
  }
};
const first = clean[3]!;
const second = clean[17]!;
const twins = { first: [twinOf(first.idNumber, 0)], second: [twinOf(second.idNumber, 1), twinOf(second.idNumber, 2)] };
const insert = (of: (typeof clean)[number], id: string): SQL =>
  sql`insert into hr.persons (id_number, name, ethnicity, native_place) values (${id}, ${of.name}, ${of.ethnicity}, ${of.nativePlace})`;

describe('verification: near-duplicates across all persons, and scheduled runs', () => {
  let hub: TestHub;
  let coordinator: Record<string, string>;
  const hr = (s: SQL) => (hub.subgraphs.hr.database.db as any).execute(s);

  const run = () => runVerificationChanges(hub, coordinator);

  beforeAll(async () => {
    hub = await startTestHub(() => city, { now: () => clock });
    coordinator = await hub.as(COORDINATOR);
    // The baseline: the small city's planted problems (its only near-duplicate the mistyped payroll number).
    await run();
  }, 600_000);
  afterAll(() => hub?.stop());

  it('HR pages its groups of one name, birth date and native place under several ID numbers, to the coordination group only', async () => {
    await hr(insert(first, twins.first[0]!));
    await hr(insert(second, twins.second[0]!));
    await hr(insert(second, twins.second[1]!));
    // A namesake born the same day elsewhere is another person: not a group.
    await hr(sql`insert into hr.persons (id_number, name, ethnicity, native_place) values (${twinOf(first.idNumber, 5)}, ${first.name}, '汉族', '外省某县')`);
    const PAGE = `query($after: String) { hrVerificationRows(dataset: SAME_NAME_BIRTH, first: 1, after: $after) { columns rows nextCursor total } }`;
    const rows: (string | null)[][] = [];
    const totals: (number | null)[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const page: { data?: any; errors?: unknown[] } = await hub.query(PAGE, { after }, coordinator);
      expect(page.errors).toBeUndefined();
      expect(page.data.hrVerificationRows.columns).toEqual(['name', 'birthDate', 'nativePlace', 'idNumbers', 'creditCodes']);
      rows.push(...page.data.hrVerificationRows.rows);
      totals.push(page.data.hrVerificationRows.total);
      after = page.data.hrVerificationRows.nextCursor;
      more = after !== null;
    }
    const group = (of: (typeof clean)[number], extra: string[]) => {
      const ids = [of.idNumber, ...extra].sort();
      const birth = `${of.idNumber.slice(6, 10)}-${of.idNumber.slice(10, 12)}-${of.idNumber.slice(12, 14)}`;
      return [of.name, birth, of.nativePlace, ids.join(','), ids.map((id) => employer.get(id) ?? '').join(',')];
    };
    expect(rows.sort()).toEqual([group(first, twins.first), group(second, twins.second)].sort());
    expect(totals).toEqual([2, null]);
    const refused = await hub.query(PAGE, { after: null }, await hub.as({ office: 'hr', role: 'OPERATOR' }));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await hr(sql`delete from hr.persons where native_place = '外省某县'`);
  });

  it('a run finds each group once, for HR to act on, and sees it resolved once the second record is gone', async () => {
    const subject = (of: (typeof clean)[number], extra: string[]) => {
      const ids = [of.idNumber, ...extra].sort();
      return { type: 'NEAR_DUPLICATE_PERSON', mustAct: 'hr', idNumber: ids[0], creditCode: employer.get(ids.find((id) => employer.has(id))!) };
    };
    const byId = (a: { idNumber?: string | null }, b: { idNumber?: string | null }) => (a.idNumber! < b.idNumber! ? -1 : 1);
    const each = (...subjects: ReturnType<typeof subject>[]) => subjects.sort(byId).map((s) => expect.objectContaining(s));
    const found = await run();
    expect(found.resolved).toEqual([]);
    expect(found.fresh.sort(byId)).toEqual(each(subject(first, twins.first), subject(second, twins.second)));
    const three = found.fresh.find((f) => f.idNumber === subject(second, twins.second).idNumber)!;
    expect(three.values.filter((v) => v.item === 'Person.idNumber').map((v) => v.value)).toEqual([second.idNumber, ...twins.second].sort());
    expect(three.values).toContainEqual({ office: 'hr', item: 'Person.nativePlace', value: second.nativePlace });

    // Found again, nothing new; one of three records gone is another group (the old one resolved, a new one found).
    expect((await run()).fresh).toEqual([]);
    await hr(sql`delete from hr.persons where id_number = ${twins.second[1]!}`);
    const fewer = await run();
    expect(fewer.fresh).toEqual([expect.objectContaining(subject(second, twins.second.slice(0, 1)))]);
    expect(fewer.resolved).toEqual([expect.objectContaining(subject(second, twins.second))]);

    await hr(sql`delete from hr.persons where id_number in (${twins.first[0]!}, ${twins.second[0]!})`);
    const undone = await run();
    expect(undone.fresh).toEqual([]);
    expect(undone.resolved.sort(byId)).toEqual(each(subject(first, twins.first), subject(second, twins.second.slice(0, 1))));
  }, 300_000);

  /** Two more workers on the catalog's queue, as two catalog services would run them (reading through the gateway as the hub's own does). */
  const twoWorkers = (schedules: ('MONTHLY' | 'HALF_YEARLY')[]) =>
    [0, 1].map(() =>
      createVerificationWorker({
        db: hub.subgraphs.catalog.database.db as CatalogDb,
        reader: gatewayReader(hub.url, (viewer, ttl) => hub.gateway.tokens.sign(viewer, ttl)),
        now: () => clock,
        schedules,
      }),
    );

  it('two workers run overlapping scopes at once (everything, and one institution), and both runs are stored', async () => {
    const workers = twoWorkers([]);
    const START = `mutation($i: StartVerificationRunInput!) { startVerificationRun(input: $i) { created run { id } } }`;
    // A problem neither has seen yet, so that both runs store a new finding of one key.
    const unit = city.staffing.institutions.find((i) => i.creditCode !== p.overQuota.creditCode && i.creditCode !== p.fundingMismatch.creditCode)!;
    const budget = city.finance.budgetUnits.find((b) => b.institutionCreditCode === unit.creditCode)!;
    const finance = (s: SQL) => (hub.subgraphs.finance.database.db as any).execute(s);
    await finance(
      sql`update finance.budget_units set funding_form = ${unit.fundingForm === 'FULL' ? 'PARTIAL' : 'FULL'} where institution_credit_code = ${unit.creditCode}`,
    );
    const ids: string[] = [];
    for (const input of [{ kind: 'ALL' }, { kind: 'INSTITUTION', value: unit.creditCode }]) {
      const started = await hub.query(START, { i: input }, coordinator);
      expect(started.data?.startVerificationRun?.created).toBe(true);
      ids.push(started.data.startVerificationRun.run.id);
    }
    try {
      await Promise.all(workers.map((w) => w.drain()));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await finance(sql`update finance.budget_units set funding_form = ${budget.fundingForm} where institution_credit_code = ${unit.creditCode}`);
    }
    for (const id of ids) {
      const answer = await hub.query(`query($id: ID!) { verificationRun(id: $id) { status error } }`, { id }, coordinator);
      expect(answer.data.verificationRun).toEqual({ status: 'SUCCEEDED', error: null });
    }
    const found = await hub.query(
      `query($c: String!) { findings(creditCode: $c, type: FUNDING_FORM_MISMATCH) { totalCount } }`,
      { c: unit.creditCode },
      coordinator,
    );
    expect(found.data.findings.totalCount).toBe(1);
  }, 300_000);

  it('queues one run per period of each schedule, whatever the number of workers and drains', async () => {
    const workers = twoWorkers(['MONTHLY', 'HALF_YEARLY']);
    const scheduled = async () => {
      // A token of the moved clock's time.
      const answer = await hub.query(`{ verificationRuns(first: 100) { nodes { trigger status requestedBy } } }`, {}, await hub.as(COORDINATOR));
      expect(answer.errors).toBeUndefined();
      const runs: { trigger: string; status: string; requestedBy: string }[] = answer.data.verificationRuns.nodes.filter(
        (r: { trigger: string }) => r.trigger !== 'ON_DEMAND',
      );
      expect(runs.every((r) => r.status === 'SUCCEEDED' && r.requestedBy === 'schedule')).toBe(true);
      return { MONTHLY: runs.filter((r) => r.trigger === 'MONTHLY').length, HALF_YEARLY: runs.filter((r) => r.trigger === 'HALF_YEARLY').length };
    };
    /** Both workers drain at once, three times over (a scheduled run of everything waits while another run of everything is queued or running). */
    const drainAll = async () => {
      for (let i = 0; i < 3; i++) await Promise.all(workers.map((w) => w.drain()));
    };
    try {
      await drainAll();
      expect(await scheduled()).toEqual({ MONTHLY: 1, HALF_YEARLY: 1 });
      await drainAll();
      expect(await scheduled()).toEqual({ MONTHLY: 1, HALF_YEARLY: 1 });
      clock = new Date('2026-12-02T02:00:00Z'); // December: a new month, the same half year
      await drainAll();
      expect(await scheduled()).toEqual({ MONTHLY: 2, HALF_YEARLY: 1 });
      clock = new Date('2026-12-31T16:30:00Z'); // 00:30 on 1 January 2027 in Beijing: a new month and half year
      await drainAll();
      expect(await scheduled()).toEqual({ MONTHLY: 3, HALF_YEARLY: 2 });
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  }, 600_000);

  it('tries a failed scheduled run again 15 minutes later, not at once, and stops once the period has its run', async () => {
    clock = new Date('2027-02-10T02:00:00Z');
    const db = hub.subgraphs.catalog.database.db as CatalogDb;
    const failing = createVerificationWorker({
      db,
      reader: async () => {
        throw new Error('网关不可达 / the gateway is unreachable');
      },
      now: () => clock,
      schedules: ['MONTHLY'],
    });
    const [working] = twoWorkers(['MONTHLY']);
    const february = async () => {
      const answer = await hub.query(`{ verificationRuns(first: 100) { nodes { trigger status requestedAt error } } }`, {}, await hub.as(COORDINATOR));
      expect(answer.errors).toBeUndefined();
      return (answer.data.verificationRuns.nodes as { trigger: string; status: string; requestedAt: string }[])
        .filter((r) => r.trigger === 'MONTHLY' && r.requestedAt >= '2027-02')
        .map((r) => r.status)
        .sort();
    };
    const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
    try {
      await failing.drain();
      expect(await february()).toEqual(['FAILED']);
      later(14);
      await failing.drain();
      expect(await february()).toEqual(['FAILED']);
      later(2);
      await failing.drain();
      expect(await february()).toEqual(['FAILED', 'FAILED']);
      later(16);
      await working!.drain();
      expect(await february()).toEqual(['FAILED', 'FAILED', 'SUCCEEDED']);
      later(16);
      await Promise.all([working!.drain(), failing.drain()]);
      expect(await february()).toEqual(['FAILED', 'FAILED', 'SUCCEEDED']);
    } finally {
      await Promise.all([failing.stop(), working!.stop()]);
    }
  }, 300_000);
});
