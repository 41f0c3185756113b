import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdNumber } from '@hub/schema';
import { generateCity, type City } from '@hub/launcher/demo';
import { printedOperation } from './src/printedOperation.ts';
import { requestCounts, startTestHub, type GraphQLAnswer, type TestHub } from './src/testHub.ts';
import { README_ROSTER } from './src/queries.ts';

/** What a department app asks for: one institution, its people, fields from all four offices. */
const ROSTER = /* GraphQL */ `
  query Roster($code: ID!) {
    institution(creditCode: $code) {
      creditCode name kind level system fundingForm
      quotas { category approved occupied reserved vacant }
      leadershipPostsApproved leadershipPostsFilled
      budgetUnit { fundingForm budgetedHeadcount }
      workforceByType { type count }
      workforce(first: 1000) {
        totalCount
        nodes {
          type
          person {
            idNumber name gender birthDate
            insurance { enrolled }
            ledgerEntry { staffingCardNumber quotaCategory }
            cadre { post leadership }
            payroll { onPayroll lastPaidMonth }
          }
        }
      }
    }
  }
`;

let city: City;
let hub: TestHub;
/** The Organization Department reads every field the roster asks for (cadre posts are its own). */
let organization: Record<string, string>;

beforeAll(async () => {
  city = generateCity();
  hub = await startTestHub(() => city);
  organization = await hub.as({ office: 'organization', role: 'OPERATOR' });
});
afterAll(() => hub?.stop());

/** Queries as the Organization Department, which the catalog lets read every field these tests use. */
const ask = (query: string, variables?: Record<string, unknown>) => hub.query(query, variables, organization);

/** The roster answer computed from the generated data, office by office. */
function expectedRoster(code: string) {
  const inst = city.staffing.institutions.find((i) => i.creditCode === code)!;
  const employments = city.hr.employments.filter((e) => e.institutionCreditCode === code).sort((a, b) => a.idNumber.localeCompare(b.idNumber));
  const count = (t: string) => employments.filter((e) => e.type === t).length;
  const quotas = city.staffing.quotas.filter((q) => q.institutionCreditCode === code);
  return {
    creditCode: code,
    name: inst.name,
    kind: inst.kind,
    level: inst.level,
    system: inst.system,
    fundingForm: inst.fundingForm,
    quotas: quotas
      .map((q) => {
        const occupied = city.staffing.ledgerEntries.filter((l) => l.institutionCreditCode === code && l.quotaCategory === q.category).length;
        return { category: q.category, approved: q.approved, occupied, reserved: q.reserved, vacant: q.approved - occupied - q.reserved };
      })
      .sort((a, b) => a.category.localeCompare(b.category)),
    leadershipPostsApproved: inst.leadershipPostsApproved,
    leadershipPostsFilled: city.organization.cadres.filter((c) => c.institutionCreditCode === code && c.leadership).length,
    budgetUnit: (({ fundingForm, budgetedHeadcount }) => ({ fundingForm, budgetedHeadcount }))(
      city.finance.budgetUnits.find((b) => b.institutionCreditCode === code)!,
    ),
    workforceByType: ['IN_QUOTA', 'LABOR_DISPATCH', 'PERSONNEL_AGENCY', 'TEMPORARY'].filter(count).map((type) => ({ type, count: count(type) })),
    workforce: {
      totalCount: employments.length,
      nodes: employments.map((e) => {
        const person = city.hr.persons.find((p) => p.idNumber === e.idNumber)!;
        const parsed = parseIdNumber(e.idNumber) as Exclude<ReturnType<typeof parseIdNumber>, string>;
        const ledger = city.staffing.ledgerEntries.find((l) => l.idNumber === e.idNumber);
        const cadre = city.organization.cadres.find((c) => c.idNumber === e.idNumber);
        const pay = city.finance.payrollRecords.find((p) => p.idNumber === e.idNumber);
        const insurance = city.hr.insurances.find((i) => i.idNumber === e.idNumber);
        return {
          type: e.type,
          person: {
            idNumber: e.idNumber,
            name: person.name,
            gender: parsed.gender,
            birthDate: parsed.birthDate,
            insurance: insurance ? { enrolled: insurance.enrolled } : null,
            ledgerEntry: ledger ? { staffingCardNumber: ledger.staffingCardNumber, quotaCategory: ledger.quotaCategory } : null,
            cadre: cadre ? { post: cadre.post, leadership: cadre.leadership } : null,
            payroll: pay ? { onPayroll: pay.onPayroll, lastPaidMonth: pay.lastPaidMonth } : null,
          },
        };
      }),
    },
  };
}

describe('the hub through the gateway', () => {
  it("lists an institution's persons with fields from all four offices", async () => {
    const code = city.planted.smallInstitution.creditCode;
    const answer = await hub.query(ROSTER, { code }, organization);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ institution: expectedRoster(code) });
  });

  it("asks each subgraph, for the README's roster, only its own fields, once per level, for exactly the rows shown", async () => {
    const code = city.planted.smallInstitution.creditCode;
    const recording = hub.record();
    const answer = await hub.query(README_ROSTER, { code }, organization);
    const received = recording.stop();
    expect(answer.errors).toBeUndefined();
    // The three persons shown, in the workforce's order (by ID number).
    const shown = city.hr.employments
      .filter((e) => e.institutionCreditCode === code)
      .map((e) => e.idNumber)
      .sort()
      .slice(0, 3);
    expect(answer.data.institution.workforce.nodes).toHaveLength(3);
    const institution = [{ __typename: 'Institution', creditCode: code }];
    const persons = shown.map((idNumber) => ({ __typename: 'Person', idNumber }));
    const entities = (type: string, selection: string) =>
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${type} { ${selection} } } }`;
    const asked = Object.fromEntries(
      Object.entries(received).map(([name, requests]) => [
        name,
        requests.map((r) => ({ operation: printedOperation(r), variables: r.variables })).sort((a, b) => a.operation.localeCompare(b.operation)),
      ]),
    );
    expect(asked).toEqual({
      staffing: [
        {
          operation:
            'query ($code: ID!) { institution(creditCode: $code) { __typename creditCode name fundingForm quotas { category approved occupied vacant } } }',
          variables: { code },
        },
        { operation: entities('Person', 'ledgerEntry { staffingCardNumber }'), variables: { representations: persons } },
      ],
      organization: [
        { operation: entities('Institution', 'leadershipPostsFilled'), variables: { representations: institution } },
        { operation: entities('Person', 'cadre { post }'), variables: { representations: persons } },
      ],
      hr: [
        {
          operation: entities('Institution', 'workforce(first: 3) { totalCount nodes { type person { __typename idNumber name gender birthDate } } }'),
          variables: { representations: institution },
        },
      ],
      finance: [
        { operation: entities('Institution', 'budgetUnit { fundingForm budgetedHeadcount }'), variables: { representations: institution } },
        { operation: entities('Person', 'payroll { onPayroll lastPaidMonth }'), variables: { representations: persons } },
      ],
      catalog: [],
    });
    // The client's operation name reaches every subgraph, numbered per fetch by the query planner.
    for (const [name, requests] of Object.entries(received)) {
      for (const r of requests) expect(r.operationName).toMatch(new RegExp(`^Roster__${name}__\\d+$`));
    }
  });

  it('costs the same SQL statements and subgraph requests for 500 persons as for 5 (no N+1)', async () => {
    const cost = async (code: string) => {
      // A round of the message relay woken by an earlier write ends before the counting starts.
      await hub.gateway.relay.drain();
      const before = hub.statementCounts();
      const recording = hub.record();
      const answer = await hub.query(ROSTER, { code }, organization);
      const requests = requestCounts(recording.stop());
      expect(answer.errors).toBeUndefined();
      const after = hub.statementCounts();
      // The catalog's statements are the gateway's snapshot refresh, on its own timer: not this request's.
      const offices = Object.keys(after).filter((k) => k !== 'catalog');
      return {
        persons: answer.data.institution.workforce.nodes.length,
        requests,
        statements: Object.fromEntries(offices.map((k) => [k, after[k]! - before[k]!])),
      };
    };
    const small = await cost(city.planted.smallInstitution.creditCode);
    const large = await cost(city.planted.largeInstitution.creditCode);
    expect(small.persons).toBe(5);
    expect(large.persons).toBeGreaterThanOrEqual(500);
    expect(large.statements).toEqual(small.statements);
    // One request per fetch of the query plan: the institution's level, then its persons' (hr serves both in one).
    expect(small.requests).toEqual({ organization: 2, staffing: 2, hr: 1, finance: 2, catalog: 0 });
    expect(large.requests).toEqual(small.requests);
    console.log(`SQL statements per subgraph, 5 persons: ${JSON.stringify(small.statements)}; ${large.persons} persons: ${JSON.stringify(large.statements)}`);
  });

  it('pages and filters institutions by kind, level and system', async () => {
    const q = `query($after: String) { institutions(first: 3, after: $after, kind: PUBLIC_INSTITUTION, level: CITY, system: EDUCATION) { totalCount nodes { creditCode } pageInfo { hasNextPage endCursor } } }`;
    const wanted = city.staffing.institutions
      .filter((i) => i.kind === 'PUBLIC_INSTITUTION' && i.level === 'CITY' && i.system === 'EDUCATION')
      .map((i) => i.creditCode)
      .sort();
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const answer: GraphQLAnswer<any> = await hub.query(q, { after }, organization);
      expect(answer.data.institutions.totalCount).toBe(wanted.length);
      seen.push(...answer.data.institutions.nodes.map((n: { creditCode: string }) => n.creditCode));
      after = answer.data.institutions.pageInfo.hasNextPage ? answer.data.institutions.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(wanted);
  });

  it("answers fields aliased as Object.prototype's names as fields of their own", async () => {
    const code = city.planted.smallInstitution.creditCode;
    const expected = expectedRoster(code);
    const answer = await ask(
      `query($code: ID!) { institution(creditCode: $code) { valueOf: name constructor: creditCode toString: fundingForm hasOwnProperty: budgetUnit { fundingForm } } }`,
      { code },
    );
    expect(answer.errors).toBeUndefined();
    const institution = answer.data.institution as Record<string, unknown>;
    expect(Object.keys(institution)).toEqual(['valueOf', 'constructor', 'toString', 'hasOwnProperty']);
    expect(institution.valueOf).toBe(expected.name);
    expect(institution.constructor).toBe(code);
    expect(institution.toString).toBe(expected.fundingForm);
    expect(institution.hasOwnProperty).toEqual({ fundingForm: expected.budgetUnit!.fundingForm });
  });

  it('pages persons', async () => {
    const answer = await hub.query(`{ persons(first: 2) { totalCount nodes { idNumber } } }`, {}, organization);
    const ids = city.hr.persons.map((p) => p.idNumber).sort();
    expect(answer.data.persons).toEqual({ totalCount: ids.length, nodes: ids.slice(0, 2).map((idNumber) => ({ idNumber })) });
  });

  it('refuses a bad ID number with a coded bilingual error at its path, the rest of the answer intact', async () => {
    const good = city.planted.uninsured.idNumber;
    const answer = await ask(`query($bad: ID!, $good: ID!) { bad: person(idNumber: $bad) { name } good: person(idNumber: $good) { idNumber } }`, {
      bad: good.slice(0, 17) + (good[17] === '1' ? '2' : '1'),
      good: good.toLowerCase(),
    });
    expect(answer.data).toEqual({ bad: null, good: { idNumber: good } });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]).toMatchObject({ path: ['bad'], extensions: { code: 'INVALID_ID_NUMBER', field: 'idNumber' } });
  });

  it('serves a GraphQL IDE that needs no internet', async () => {
    const page = await fetch(hub.url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('graphiql');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
  });
});

describe('planted problems, each visible by querying', () => {
  it('a removed person is still on the payroll', async () => {
    const { idNumber } = city.planted.removedStillPaid;
    const answer = await ask(
      `query($id: ID!) { person(idNumber: $id) { ledgerEntry { name } removals { reason effectiveOn } staffingCards { status } payroll { onPayroll lastPaidMonth } } }`,
      { id: idNumber },
    );
    const person = answer.data.person;
    expect(person.ledgerEntry).toBeNull();
    expect(person.removals).toHaveLength(1);
    expect(person.removals[0].effectiveOn).toBe(city.planted.removedStillPaid.effectiveOn);
    expect(person.payroll.onPayroll).toBe(true);
    expect(person.payroll.lastPaidMonth > person.removals[0].effectiveOn.slice(0, 7)).toBe(true);
  });

  it('an institution is over quota', async () => {
    const { creditCode, category } = city.planted.overQuota;
    const answer = await ask(`query($c: ID!) { institution(creditCode: $c) { quotas { category approved occupied vacant } } }`, { c: creditCode });
    const quota = answer.data.institution.quotas.find((q: { category: string }) => q.category === category);
    expect(quota.vacant).toBeLessThan(0);
    expect(quota.occupied).toBe(city.planted.overQuota.occupied);
  });

  it('an in-quota person is not insured', async () => {
    const answer = await ask(`query($id: ID!) { person(idNumber: $id) { employment { type } ledgerEntry { staffingCardNumber } insurance { enrolled } } }`, {
      id: city.planted.uninsured.idNumber,
    });
    expect(answer.data.person).toMatchObject({ employment: { type: 'IN_QUOTA' }, insurance: { enrolled: false } });
    expect(answer.data.person.ledgerEntry).not.toBeNull();
  });

  it('one person holds two active staffing cards', async () => {
    const answer = await ask(`query($id: ID!) { person(idNumber: $id) { staffingCards { number status institution { creditCode } } } }`, {
      id: city.planted.twoCards.idNumber,
    });
    const cards = answer.data.person.staffingCards.filter((c: { status: string }) => c.status === 'ACTIVE');
    expect(cards.map((c: { number: string }) => c.number).sort()).toEqual([...city.planted.twoCards.cardNumbers].sort());
    expect(new Set(cards.map((c: { institution: { creditCode: string } }) => c.institution.creditCode)).size).toBe(2);
  });

  it('Finance pays under a mistyped ID number that HR does not know', async () => {
    const { trueIdNumber, mistypedIdNumber, creditCode } = city.planted.mistypedId;
    const answer = await ask(
      `query($c: ID!, $t: ID!) { institution(creditCode: $c) { payroll(first: 1000) { nodes { nameOnRecord person { idNumber name } } } } truth: person(idNumber: $t) { name payroll { onPayroll } } }`,
      { c: creditCode, t: trueIdNumber },
    );
    const record = answer.data.institution.payroll.nodes.find((n: { person: { idNumber: string } }) => n.person.idNumber === mistypedIdNumber);
    expect(record.person.name).toBeNull();
    expect(record.nameOnRecord).toBe(answer.data.truth.name);
    expect(answer.data.truth.payroll).toBeNull();
  });

  it('the funding form differs between Staffing and Finance', async () => {
    const answer = await ask(`query($c: ID!) { institution(creditCode: $c) { fundingForm budgetUnit { fundingForm } } }`, {
      c: city.planted.fundingMismatch.creditCode,
    });
    expect(answer.data.institution).toEqual({
      fundingForm: city.planted.fundingMismatch.staffing,
      budgetUnit: { fundingForm: city.planted.fundingMismatch.finance },
    });
    expect(city.planted.fundingMismatch.staffing).not.toBe(city.planted.fundingMismatch.finance);
  });

  it('a cadre is not on the staffing ledger', async () => {
    const answer = await ask(
      `query($id: ID!) { person(idNumber: $id) { cadre { post leadership } ledgerEntry { name } staffingCards { number } employment { type } } }`,
      { id: city.planted.cadreNotOnLedger.idNumber },
    );
    expect(answer.data.person.cadre).not.toBeNull();
    expect(answer.data.person).toMatchObject({ ledgerEntry: null, staffingCards: [], employment: { type: city.planted.cadreNotOnLedger.employmentType } });
  });
});
