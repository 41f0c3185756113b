import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeSubgraph, ReceivedRequest, Viewer } from '@hub/schema';
import type { ServiceName } from '@hub/schema/contracts';
import { generateCity, type City } from '@hub/launcher/demo';
import { SERVICES } from '@hub/launcher';
import { startTestHub, type TestHub } from './src/testHub.ts';
import { README_ROSTER } from './src/queries.ts';

/**
 * The subgraphs run their queries through graphql-jit (the kit's compiledExecutor). Every document
 * the gateway really sends for a set of client queries (the 808-person Roster, the planted problems'
 * look-ups, refusals and errors) is replayed on each office's server twice, once compiled and once on
 * graphql-js, over the same database and viewer: the two answers must be the same bytes.
 */
let city: City;
let hub: TestHub;
const viewers: Record<string, Viewer> = {
  organization: { office: 'organization', role: 'OPERATOR', sub: 'cmp-org' },
  unit: { office: 'staffing', role: 'UNIT_OPERATOR', sub: 'cmp-unit', unit: '' },
};

beforeAll(async () => {
  city = generateCity();
  hub = await startTestHub(() => city);
  viewers.unit!.unit = city.planted.smallInstitution.creditCode;
});
afterAll(() => hub?.stop());

const NOW = () => new Date();

async function replay(office: OfficeSubgraph, requests: ReceivedRequest[], viewer: Viewer) {
  const compiled = office.createServer();
  const reference = office.createServer({ executor: 'graphql-js' });
  await Promise.all([compiled.start(), reference.start()]);
  try {
    const db = hub.subgraphs[office.name].database.db;
    const answers: [string, string][] = [];
    for (const request of requests) {
      const run = async (server: typeof compiled) => {
        const response = await server.executeOperation(
          { query: request.query, variables: request.variables, operationName: request.operationName ?? undefined },
          { contextValue: office.createContext(db, viewer, NOW) },
        );
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        return JSON.stringify(response.body.singleResult);
      };
      answers.push([await run(compiled), await run(reference)]);
    }
    return answers;
  } finally {
    await Promise.all([compiled.stop(), reference.stop()]);
  }
}

/** Sends the client queries through the gateway as `who`, then replays what each office received on both executors. */
async function compareAs(who: keyof typeof viewers, queries: [string, Record<string, unknown>][]) {
  const viewer = viewers[who]!;
  const headers = await hub.as(viewer as { office: string; role: string; sub: string; unit?: string });
  const recording = hub.record();
  for (const [query, variables] of queries) await hub.query(query, variables, headers);
  const received = recording.stop();
  let compared = 0;
  let withErrors = 0;
  for (const office of SERVICES) {
    const requests = received[office.name as ServiceName] ?? [];
    for (const [compiledAnswer, referenceAnswer] of await replay(office, requests, viewer)) {
      expect(compiledAnswer).toBe(referenceAnswer);
      compared++;
      if (compiledAnswer.includes('"errors"')) withErrors++;
    }
  }
  return { compared, withErrors };
}

describe('compiled execution (graphql-jit) answers as graphql-js does', () => {
  it('for the Roster of 808 and of 5 persons, and the planted problems, byte for byte', async () => {
    const p = city.planted;
    const PERSON = `query($id: ID!) { person(idNumber: $id) { idNumber name gender birthDate employment { type since institution { name } }
      insurance { enrolled } ledgerEntry { name staffingCardNumber } cadre { post } removals { reason effectiveOn }
      staffingCards { number status institution { name } } payroll { onPayroll lastPaidMonth } } }`;
    const result = await compareAs('organization', [
      [README_ROSTER.replace('first: 3', 'first: 1000'), { code: p.largeInstitution.creditCode }],
      [README_ROSTER, { code: p.smallInstitution.creditCode }],
      [PERSON, { id: p.removedStillPaid.idNumber }],
      [PERSON, { id: p.twoCards.idNumber }],
      [PERSON, { id: p.cadreNotOnLedger.idNumber }],
      [
        `query($code: ID!) { institution(creditCode: $code) { payroll(first: 100) { totalCount nodes { nameOnRecord person { idNumber name } } } } }`,
        { code: p.mistypedId.creditCode },
      ],
      // Refusals raised in resolvers (coded errors) and a person nobody knows.
      [`{ person(idNumber: "410102199001011234") { name } }`, {}],
      [`{ institutions(first: 5000) { totalCount } }`, {}],
    ]);
    expect(result.compared).toBeGreaterThan(10);
    expect(result.withErrors).toBeGreaterThan(0);
  });

  it('for a unit operator refused outside its unit (errors at _entities paths), byte for byte', async () => {
    const result = await compareAs('unit', [
      [README_ROSTER, { code: city.planted.largeInstitution.creditCode }],
      [README_ROSTER, { code: city.planted.smallInstitution.creditCode }],
    ]);
    expect(result.compared).toBeGreaterThan(2);
    expect(result.withErrors).toBeGreaterThan(0);
  });
});
