import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ReceivedSubgraphRequest } from './gatewayCredential.ts';
import { createReplayCache } from './replayCache.ts';
import type { Viewer } from './roles.ts';
import { ROUTER_SIGNATURE_EXTENSION, ROUTER_VIEWER_EXTENSION, routerKey, routerSignature, routerSignedText, routerViewerClaim } from './routerCredential.ts';
import { verifySubgraphCaller } from './verifySubgraphCaller.ts';

const SECRET = 'the shared subgraph secret';
const clerk: Viewer = { office: 'staffing', role: 'UNIT_OPERATOR', sub: 'clerk-1', unit: '12410100MB0000001X' };
const QUERY = 'query Q($p:ID!){person(idNumber:$p){name}}';

/** A body as Hive Gateway sends it with the policy plugin and the HMAC signer (keyed for `subgraph`). */
function routerBody(options: { subgraph?: string; key?: string; viewer?: Viewer | null; created?: Date; variables?: Record<string, unknown> } = {}) {
  const claim = routerViewerClaim(options.viewer === undefined ? clerk : options.viewer, options.created);
  const variables = options.variables ?? { p: '1' };
  const key = options.key ?? routerKey(SECRET, options.subgraph ?? 'hr');
  const signature = routerSignature(key, routerSignedText({ query: QUERY, operationName: 'Q', variables, claim }));
  return { query: QUERY, operationName: 'Q', variables, extensions: { [ROUTER_VIEWER_EXTENSION]: claim, [ROUTER_SIGNATURE_EXTENSION]: signature } };
}
const request = (body: unknown, path = '/graphql'): ReceivedSubgraphRequest => ({
  method: 'POST',
  path,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify(body)),
});
async function outcome(req: ReceivedSubgraphRequest, replays = createReplayCache()) {
  try {
    return { viewer: await verifySubgraphCaller(SECRET, 'hr', req, replays) };
  } catch (error) {
    const { extensions } = error as GraphQLError;
    return { status: (extensions.http as { status: number }).status, reason: extensions.reason };
  }
}

describe("a standard router's HMAC credential", () => {
  it('admits a request signed with the router key of this subgraph, with the viewer its claim names', async () => {
    expect(await outcome(request(routerBody()))).toEqual({ viewer: clerk });
    expect(await outcome(request(routerBody({ viewer: null })))).toEqual({ viewer: null });
  });

  it('refuses a forged, absent or misdirected signature, another body or viewer, a late or replayed one', async () => {
    const refused = (reason: string) => ({ status: 401, reason });
    const unsigned = routerBody();
    delete (unsigned.extensions as Record<string, unknown>)[ROUTER_SIGNATURE_EXTENSION];
    const noClaim = routerBody();
    delete (noClaim.extensions as Record<string, unknown>)[ROUTER_VIEWER_EXTENSION];
    const otherVariables = { ...routerBody(), variables: { p: '2' } };
    const otherViewer = routerBody();
    otherViewer.extensions[ROUTER_VIEWER_EXTENSION].viewer = Buffer.from(JSON.stringify({ office: 'staffing', role: 'LEADER', sub: 'x' })).toString(
      'base64url',
    );
    const otherQuery = { ...routerBody(), query: '{ people(first: 100) { nodes { name } } }' };
    expect(await outcome(request(unsigned))).toEqual(refused('CREDENTIAL_MISSING'));
    expect(await outcome(request(noClaim))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(request(routerBody({ key: 'a guessed key' })))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(request(routerBody({ key: SECRET })))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(request(routerBody({ subgraph: 'finance' })))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(request(otherVariables))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(request(otherViewer))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(request(otherQuery))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(request(routerBody({ created: new Date(Date.now() - 60_000) })))).toEqual(refused('CREDENTIAL_EXPIRED'));
    expect(await outcome(request(routerBody({ created: new Date(Date.now() + 60_000) })))).toEqual(refused('CREDENTIAL_INVALID'));
    const replays = createReplayCache();
    const once = request(routerBody());
    expect(await outcome(once, replays)).toEqual({ viewer: clerk });
    expect(await outcome(once, replays)).toEqual(refused('CREDENTIAL_REPLAYED'));
  });

  it("is not accepted on the hub's own endpoints (messages, imports), which answer the gateway's signature alone", async () => {
    expect(await outcome(request(routerBody(), '/_hub/messages'))).toEqual({ status: 401, reason: 'CREDENTIAL_MISSING' });
  });
});
