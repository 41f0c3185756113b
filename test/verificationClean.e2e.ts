import { generateCity } from '@hub/launcher/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerification, startTestHub, type TestHub } from './src/index.ts';

/**
 * "On generated clean data there are no findings" (issue 9): a city generated with `plant: false`
 * (no planted problem, every unit's removal report filed, every approval within its validity, payroll
 * paid through October) gives a verification run of everything nothing to find, and a second run
 * nothing new and nothing resolved. The hub runs on 2026-11-02 (Beijing), October ended.
 */
const NOW = new Date('2026-11-02T02:00:00Z');
const city = generateCity({ seed: 5, institutions: 60, persons: 2400, plant: false });
const COORDINATOR = { office: 'staffing', role: 'COORDINATOR', sub: 'xt-coordinator' };

const RUN = `query($id: ID!) { verificationRun(id: $id) { status error findingCount newCount persistingCount resolvedCount phases { name processed done } } }`;

describe('verification (机构编制核查) on a clean generated city', () => {
  let hub: TestHub;
  let coordinator: Record<string, string>;
  const run = async () => {
    const answer = await hub.query(RUN, { id: await runVerification(hub, coordinator) }, coordinator);
    expect(answer.errors).toBeUndefined();
    return answer.data.verificationRun;
  };

  beforeAll(async () => {
    hub = await startTestHub(() => city, { now: () => NOW });
    coordinator = await hub.as(COORDINATOR);
  }, 600_000);
  afterAll(() => hub?.stop());

  it('finds nothing, having read every person of every office', async () => {
    const first = await run();
    expect(first).toMatchObject({ status: 'SUCCEEDED', error: null, findingCount: 0, newCount: 0, persistingCount: 0, resolvedCount: 0 });
    const phase = (name: string) => first.phases.find((p: { name: string }) => p.name === name);
    expect(phase('staffing.ledger')).toMatchObject({ processed: city.staffing.ledgerEntries.length, done: true });
    expect(phase('hr.persons')).toMatchObject({ processed: city.hr.persons.length, done: true });
    expect(phase('finance.payroll')).toMatchObject({ processed: city.finance.payrollRecords.length, done: true });
    expect(phase('organization.cadres')).toMatchObject({ processed: city.organization.cadres.length, done: true });
    const findings = await hub.query(`{ findings(first: 10) { totalCount nodes { type creditCode idNumber } } }`, {}, coordinator);
    expect(findings.errors).toBeUndefined();
    expect(findings.data.findings).toEqual({ totalCount: 0, nodes: [] });
  }, 600_000);

  it('finds nothing again in the next run: nothing new, nothing resolved', async () => {
    expect(await run()).toMatchObject({ status: 'SUCCEEDED', findingCount: 0, newCount: 0, persistingCount: 0, resolvedCount: 0 });
  }, 600_000);
});
