import { generateCity } from '@hub/launcher/demo';
import { testConfig } from '@hub/schema/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './src/index.ts';

/** The demo city's "today" is 2026-11-01; the hub runs on 2026-11-02 (Beijing) so October has ended. */
const NOW = new Date('2026-11-02T02:00:00Z');
const city = generateCity();
const COORDINATOR = { office: 'staffing', role: 'COORDINATOR', sub: 'xt-coordinator' };

const FINDINGS = `query Findings($after: String) { findings(first: 200, after: $after) { totalCount nodes { id type mustAct creditCode idNumber status values { office item value } } pageInfo { hasNextPage endCursor } } }`;

describe('verification (机构编制核查) on the demo city', () => {
  let hub: TestHub;
  let runId: string;
  const all: { id: string; type: string; mustAct: string; creditCode: string | null; idNumber: string | null; status: string }[] = [];
  beforeAll(async () => {
    hub = await startTestHub(() => city, { now: () => NOW });
    const started = await hub.query(`mutation { startVerificationRun(input: { kind: ALL }) { created run { id status } } }`, {}, await hub.as(COORDINATOR));
    expect(started.errors).toBeUndefined();
    runId = started.data.startVerificationRun.run.id;
    const began = Date.now();
    await hub.verification.drain();
    console.log(
      `verification run over the demo city (${city.hr.persons.length} persons, ${city.staffing.institutions.length} institutions) on ${testConfig.databaseUrl ? 'PostgreSQL' : 'PGlite'}: ${((Date.now() - began) / 1000).toFixed(1)} s`,
    );
    const coordinator = await hub.as(COORDINATOR);
    for (let after: string | null = null, more = true; more; ) {
      const page: { data?: any; errors?: unknown[] } = await hub.query(FINDINGS, { after }, coordinator);
      expect(page.errors).toBeUndefined();
      all.push(...page.data.findings.nodes);
      more = page.data.findings.pageInfo.hasNextPage;
      after = page.data.findings.pageInfo.endCursor;
    }
  }, 600_000);
  afterAll(() => hub?.stop());

  const of = (type: string) => all.filter((f) => f.type === type);

  it('finishes with progress per phase and counts compared with no previous run', async () => {
    const run = await hub.query(
      `query($id: ID!) { verificationRun(id: $id) { status error findingCount newCount persistingCount resolvedCount phases { name processed total done } } }`,
      { id: runId },
      await hub.as(COORDINATOR),
    );
    const r = run.data.verificationRun;
    expect(r.error).toBeNull();
    expect(r.status).toBe('SUCCEEDED');
    expect(r.newCount).toBe(all.length);
    expect(r.persistingCount).toBe(0);
    const ledger = r.phases.find((p: { name: string }) => p.name === 'staffing.ledger');
    expect(ledger).toMatchObject({ processed: city.staffing.ledgerEntries.length, total: city.staffing.ledgerEntries.length, done: true });
  });

  it('finds each planted problem exactly once', () => {
    const p = city.planted;
    expect(of('PAID_NOT_ON_ROSTER').map((f) => f.idNumber)).toEqual([p.removedStillPaid.idNumber]);
    expect(of('OVER_QUOTA').map((f) => f.creditCode)).toEqual([p.overQuota.creditCode]);
    expect(of('IN_QUOTA_NOT_INSURED').map((f) => f.idNumber)).toEqual([p.uninsured.idNumber]);
    expect(of('DUPLICATE_CARD').map((f) => f.idNumber)).toEqual([p.twoCards.idNumber]);
    expect(of('NEAR_DUPLICATE_PERSON').map((f) => [f.idNumber, f.creditCode])).toEqual([[p.mistypedId.trueIdNumber, p.mistypedId.creditCode]]);
    expect(of('FUNDING_FORM_MISMATCH').map((f) => f.creditCode)).toEqual([p.fundingMismatch.creditCode]);
    expect(of('CADRE_NOT_ON_ROSTER').map((f) => f.idNumber)).toEqual([p.cadreNotOnLedger.idNumber]);
  });

  it('finds nothing else but the units without their October removal report and the unused approvals the demo has', async () => {
    const planted = [
      'PAID_NOT_ON_ROSTER',
      'OVER_QUOTA',
      'IN_QUOTA_NOT_INSURED',
      'DUPLICATE_CARD',
      'NEAR_DUPLICATE_PERSON',
      'FUNDING_FORM_MISMATCH',
      'CADRE_NOT_ON_ROSTER',
    ];
    const others = all.filter((f) => !planted.includes(f.type));
    const reported = new Set(city.staffing.monthlyRemovalReports!.filter((r) => r.month === '2026-10').map((r) => r.institutionCreditCode));
    const unreported = city.staffing.institutions
      .filter((i) => !reported.has(i.creditCode))
      .map((i) => i.creditCode)
      .sort();
    expect(
      of('UNREPORTED_REMOVALS')
        .map((f) => f.creditCode)
        .sort(),
    ).toEqual(unreported);
    expect(others.filter((f) => f.type !== 'UNREPORTED_REMOVALS' && f.type !== 'UNUSED_APPROVAL')).toEqual([]);
  });

  it('lets the office that must act answer, and no one else', async () => {
    const finding = of('FUNDING_FORM_MISMATCH')[0]!;
    const ACK = `mutation($id: ID!) { acknowledgeFinding(id: $id, note: "核对中") { finding { status events { action office role } } } }`;
    const refused = await hub.query(ACK, { id: finding.id }, await hub.as({ office: 'hr', role: 'OPERATOR' }));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const done = await hub.query(ACK, { id: finding.id }, await hub.as({ office: 'finance', role: 'OPERATOR' }));
    expect(done.errors).toBeUndefined();
    expect(done.data.acknowledgeFinding.finding).toMatchObject({
      status: 'ACKNOWLEDGED',
      events: [{ action: 'ACKNOWLEDGE', office: 'finance', role: 'OPERATOR' }],
    });
  });

  it('refuses a second run of the same scope while one is queued, and bulk reads to anyone but a coordinator', async () => {
    const start = `mutation { startVerificationRun(input: { kind: SYSTEM, value: "HEALTH" }) { created run { id } } }`;
    const first = await hub.query(start, {}, await hub.as(COORDINATOR));
    const second = await hub.query(start, {}, await hub.as(COORDINATOR));
    expect(first.data.startVerificationRun.created).toBe(true);
    expect(second.data.startVerificationRun).toEqual({ created: false, run: first.data.startVerificationRun.run });
    const bulk = await hub.query(
      `{ staffingVerificationRows(dataset: LEDGER, first: 10) { rows } }`,
      {},
      await hub.as({ office: 'staffing', role: 'OPERATOR' }),
    );
    expect(bulk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await hub.verification.drain();
  }, 600_000);
});
