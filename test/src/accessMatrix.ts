import { expect } from 'vitest';
import type { City } from '@hub/launcher/demo';
import type { TestGateway } from './testHub.ts';

/**
 * The access matrix (office × role × share type × grant state) shared by the tests that run it: through
 * the hub's gateway (accessMatrix.e2e.ts) and through Hive Gateway with the catalog policy plugin
 * (policyRouter.e2e.ts).
 */
export const OFFICES = ['organization', 'staffing', 'hr', 'finance'] as const;
export const ROLES = ['LEADER', 'OPERATOR', 'REVIEWER', 'SECURITY_OFFICER', 'COORDINATOR', 'AUDITOR', 'UNIT_OPERATOR'] as const;
export const STATES = ['none', 'live', 'expired', 'revoked'] as const;
export type State = (typeof STATES)[number];
export type MatrixViewer = readonly [(typeof OFFICES)[number], (typeof ROLES)[number]] | null;
/** A caller without a token, and every office × role: with the three share types, 87 cells per grant state. */
export const VIEWERS: MatrixViewer[] = [null, ...OFFICES.flatMap((o) => ROLES.map((r) => [o, r] as const))];

export interface MatrixCase {
  query: string;
  path: readonly string[];
  coordinate: string;
  owner: 'hr' | 'organization';
  field: string;
  value: () => unknown;
}
export type ShareType = 'UNCONDITIONAL' | 'CONDITIONAL' | 'NOT_SHARED';
export const SHARE_TYPES: readonly ShareType[] = ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'];

/**
 * One field per share type, each reached from the person root (HR, unconditional): the path to the
 * value, its coordinate, the owner, the field's name in SDL and the value its owner holds for the person.
 */
export function matrixCases(city: City, person: string): Record<ShareType, MatrixCase> {
  const cadreOf = (idNumber: string) => city.organization.cadres.find((c) => c.idNumber === idNumber)!;
  return {
    UNCONDITIONAL: {
      query: 'query U($p: ID!) { person(idNumber: $p) { name } }',
      path: ['person', 'name'],
      coordinate: 'Person.name',
      owner: 'hr',
      field: 'name',
      value: () => city.hr.persons.find((p) => p.idNumber === person)!.name,
    },
    CONDITIONAL: {
      query: 'query C($p: ID!) { person(idNumber: $p) { cadre { post } } }',
      path: ['person', 'cadre', 'post'],
      coordinate: 'Cadre.post',
      owner: 'organization',
      field: 'post',
      value: () => cadreOf(person).post,
    },
    NOT_SHARED: {
      query: 'query N($p: ID!) { person(idNumber: $p) { cadre { appointedOn } } }',
      path: ['person', 'cadre', 'appointedOn'],
      coordinate: 'Cadre.appointedOn',
      owner: 'organization',
      field: 'appointedOn',
      value: () => cadreOf(person).appointedOn,
    },
  };
}

const OWNERS: Record<ShareType, string> = { UNCONDITIONAL: 'hr', CONDITIONAL: 'organization', NOT_SHARED: 'organization' };
const COORDINATES: Record<ShareType, string> = { UNCONDITIONAL: 'Person.name', CONDITIONAL: 'Cadre.post', NOT_SHARED: 'Cadre.appointedOn' };

/** What the catalog says: the owner reads its own; others read unconditional items and conditional ones under a live grant. */
export function expected(office: string | null, shareType: ShareType, state: State): boolean {
  if (office === null) return false;
  if (office === OWNERS[shareType]) return true;
  if (shareType === 'UNCONDITIONAL') return true;
  if (shareType === 'CONDITIONAL') return state === 'live';
  return false;
}

/**
 * The one coordinate a denial names: the nearest denied field on the path. A caller without a token
 * is refused the person root (not open); another office without a live grant the conditional
 * `Person.cadre`; with one, the not-shared field itself.
 */
export function deniedAt(office: string | null, shareType: ShareType, state: State): string {
  if (office === null) return 'Query.person';
  if (shareType !== 'UNCONDITIONAL' && !expected(office, 'CONDITIONAL', state)) return 'Person.cadre';
  return COORDINATES[shareType];
}

export const DAY = 86_400_000;
export const T0 = Date.parse('2026-11-26T02:00:00Z');

/** Headers with a token for one office/role key ("hr/OPERATOR"), signed by the gateway given. */
export type SignedBy = (gateway: TestGateway, key: string) => Promise<Record<string, string>>;

/** The three other offices request the conditional cadre entry and Organization approves each, until 2026-12-31. */
export async function grantCadreEntry(gateway: TestGateway, signedBy: SignedBy): Promise<string[]> {
  const ids: string[] = [];
  for (const office of ['staffing', 'hr', 'finance']) {
    const requested = await gateway.query(
      `mutation($i: RequestAccessInput!) { requestAccess(input: $i) { request { id status dueOn } } }`,
      {
        i: {
          entryCode: 'ZZB-01-002',
          purpose: '机构编制核查：核对干部职务与实名制台账',
          caseNumber: `HC-2026-${office}`,
          periodFrom: '2026-11-26',
          periodTo: '2027-01-31',
        },
      },
      await signedBy(gateway, `${office}/OPERATOR`),
    );
    expect(requested.errors).toBeUndefined();
    expect(requested.data.requestAccess.request).toMatchObject({ status: 'PENDING', dueOn: '2026-12-10' });
    const approved = await gateway.query(
      `mutation($id: ID!) { decideAccessRequest(id: $id, approve: true, reason: "用于年度核查", expiresOn: "2026-12-31") { request { status } grant { id live } } }`,
      { id: requested.data.requestAccess.request.id },
      await signedBy(gateway, 'organization/LEADER'),
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data.decideAccessRequest).toMatchObject({ request: { status: 'APPROVED' }, grant: { live: true } });
    ids.push(approved.data.decideAccessRequest.grant.id);
  }
  return ids;
}

/**
 * Brings a gateway that has never seen a grant into one grant state, moving its own clock: each state
 * starts from nothing, so none inherits another's grants or time.
 */
export async function enter(state: State, gateway: TestGateway, clock: { now: number }, signedBy: SignedBy): Promise<void> {
  clock.now = T0;
  if (state === 'none') return;
  const ids = await grantCadreEntry(gateway, signedBy);
  if (state === 'expired') clock.now = Date.parse('2027-02-15T02:00:00Z');
  if (state === 'revoked') {
    clock.now = T0 + DAY;
    for (const id of ids) {
      const revoked = await gateway.query(
        `mutation($id: ID!) { revokeGrant(id: $id, reason: "核查结束") { grant { live revokedAt } } }`,
        { id },
        await signedBy(gateway, 'organization/LEADER'),
      );
      expect(revoked.errors).toBeUndefined();
      expect(revoked.data.revokeGrant.grant.live).toBe(false);
    }
  }
}

export const at = (data: any, path: readonly string[]) => path.reduce((v, k) => (v == null ? v : v[k]), data);
