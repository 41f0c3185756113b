import { createHmac } from 'node:crypto';
import { createSigner, createVerifier, httpbis } from 'http-message-signatures';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_LIFETIME_SECONDS,
  contentDigest,
  encodeViewer,
  gatewayForm,
  parsedSignature,
  type ReceivedSubgraphRequest,
  SIGNED_COMPONENTS,
  signSubgraphRequest,
  VIEWER_HEADER,
  verifySubgraphRequest,
} from './gatewayCredential.ts';
import { createReplayCache } from './replayCache.ts';
import type { Viewer } from './roles.ts';

const SECRET = 'the shared subgraph secret';
const URL_OF_FINANCE = 'http://finance.internal:4004/graphql';
const BODY = JSON.stringify({ query: '{ budgetUnit(code: "1") { name } }' });
const PAY = JSON.stringify({
  query: '{ _entities(representations: [{ __typename: "Person", idNumber: "1" }]) { ... on Person { payroll { monthlyGrossPay } } } }',
});
const leader: Viewer = { office: 'finance', role: 'LEADER', sub: 'finance-leader' };

const outgoing = (viewer: Viewer | null = null, body = BODY) => ({
  method: 'POST',
  url: URL_OF_FINANCE,
  headers: { 'Content-Type': 'application/json', [VIEWER_HEADER]: encodeViewer(viewer) },
  body,
});
const received = (headers: Record<string, string>, body = BODY, path = '/graphql', method = 'POST'): ReceivedSubgraphRequest => ({
  method,
  path,
  headers,
  body: Buffer.from(body),
});

/** What verification gives: the viewer, or the refusal's status and reason. */
async function outcome(request: ReceivedSubgraphRequest, replays = createReplayCache(), subgraph = 'finance') {
  try {
    return { viewer: await verifySubgraphRequest(SECRET, subgraph, request, replays) };
  } catch (error) {
    const { extensions } = error as GraphQLError;
    return { status: (extensions.http as { status: number }).status, reason: extensions.reason, bilingual: (error as Error).message.includes(' / ') };
  }
}
const refused = (reason: string, status = 401) => ({ status, reason, bilingual: true });

/** The key the gateway derives for finance, to sign what the gateway would never sign (fewer components, other parameters). */
const financeKey = createHmac('sha256', SECRET).update('subgraph:finance').digest();
async function signOtherwise(fields: string[], paramValues: Record<string, string | Date>, body = BODY) {
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    [VIEWER_HEADER]: encodeViewer(null),
    'content-digest': contentDigest(body),
  };
  const now = new Date();
  const signed = await httpbis.signMessage(
    {
      key: createSigner(financeKey, 'hmac-sha256', 'gateway:finance'),
      name: 'hub',
      fields,
      params: ['created', 'expires', 'nonce', 'keyid', 'alg', 'tag'],
      paramValues: { created: now, expires: new Date(now.getTime() + 10_000), nonce: 'a-nonce-of-sixteen-chars', tag: 'staffing-hub-gateway', ...paramValues },
    },
    { method: 'POST', url: URL_OF_FINANCE, headers },
  );
  return Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

describe('signSubgraphRequest and verifySubgraphRequest', () => {
  it('vouch for the viewer of the exact request signed, as RFC 9421 and RFC 9530 lay it out', async () => {
    const headers = await signSubgraphRequest(SECRET, 'finance', outgoing(leader), { nonce: 'nonce-0123456789abcdef' });
    expect(headers['content-digest']).toMatch(/^sha-256=:[A-Za-z0-9+/]{43}=:$/);
    expect(headers.signature).toMatch(/^hub=:[A-Za-z0-9+/]{43}=:$/);
    expect(headers['signature-input']).toMatch(
      /^hub=\("@method" "@path" "content-digest" "content-type" "x-hub-viewer"\);created=\d+;expires=\d+;nonce="nonce-0123456789abcdef";keyid="gateway:finance";alg="hmac-sha256";tag="staffing-hub-gateway"$/,
    );
    expect(await outcome(received(headers))).toEqual({ viewer: leader });
    const anonymous = await signSubgraphRequest(SECRET, 'finance', outgoing(null));
    expect(await outcome(received(anonymous))).toEqual({ viewer: null });
  });

  it('sign byte for byte as http-message-signatures signs, and verify what it signs', async () => {
    const now = new Date('2026-12-02T08:00:00.500Z');
    for (const viewer of [leader, null, { office: 'hr', role: 'UNIT_OPERATOR', sub: 'u-1', unit: '12410100MB0000000X' } as Viewer]) {
      const request = { ...outgoing(viewer, PAY), url: 'http://finance.internal:4004/graphql?x=1' };
      const ours = await signSubgraphRequest(SECRET, 'finance', request, { now, nonce: 'nonce-0123456789abcdef' });
      // The library, given the same request, time and nonce, over the same headers.
      const { signature, 'signature-input': _, ...rest } = ours;
      const theirs = await httpbis.signMessage(
        {
          key: createSigner(financeKey, 'hmac-sha256', 'gateway:finance'),
          name: 'hub',
          fields: [...SIGNED_COMPONENTS],
          params: ['created', 'expires', 'nonce', 'keyid', 'alg', 'tag'],
          paramValues: {
            created: now,
            expires: new Date(now.getTime() + CREDENTIAL_LIFETIME_SECONDS * 1000),
            nonce: 'nonce-0123456789abcdef',
            tag: 'staffing-hub-gateway',
          },
        },
        { method: request.method, url: request.url, headers: rest },
      );
      const lowered = Object.fromEntries(Object.entries(theirs.headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
      expect(ours).toEqual(lowered);
      // And the library verifies ours as a subgraph would receive it.
      const fresh = await signSubgraphRequest(SECRET, 'finance', request);
      const verified = await httpbis.verifyMessage(
        { keyLookup: async () => ({ id: 'gateway:finance', algs: ['hmac-sha256'], verify: createVerifier(financeKey, 'hmac-sha256') }), all: true },
        { method: 'POST', url: 'http://subgraph/graphql', headers: fresh },
      );
      expect(verified).toBe(true);
      expect(await outcome(received(fresh, PAY))).toEqual({ viewer });
    }
    // The library's signature, its components listed in another order, is one this subgraph accepts.
    const reordered = await signOtherwise([...SIGNED_COMPONENTS].reverse(), {});
    expect(await outcome(received(reordered))).toEqual({ viewer: null });
  });

  it('run a signed request once: the same bytes again are a replay', async () => {
    const replays = createReplayCache();
    const headers = await signSubgraphRequest(SECRET, 'finance', outgoing(leader));
    expect(await outcome(received(headers), replays)).toEqual({ viewer: leader });
    expect(await outcome(received(headers), replays)).toEqual(refused('CREDENTIAL_REPLAYED'));
    // A new signature of the same request is a new request.
    expect(await outcome(received(await signSubgraphRequest(SECRET, 'finance', outgoing(leader))), replays)).toEqual({ viewer: leader });
  });

  it('run nothing but the request signed: another body, path, method or viewer is refused', async () => {
    const headers = await signSubgraphRequest(SECRET, 'finance', outgoing(null));
    expect(await outcome(received(headers, PAY))).toEqual(refused('DIGEST_MISMATCH'));
    expect(await outcome(received({ ...headers, 'content-digest': contentDigest(PAY) }, PAY))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(received(headers, BODY, '/other'))).toEqual(refused('CREDENTIAL_INVALID'));
    // A target that a URL resolved against a base would read as another host with the signed path.
    expect(await outcome(received(headers, BODY, '//other/graphql'))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(received(headers, BODY, '/graphql?debug=1'))).toEqual({ viewer: null });
    expect(await outcome(received(headers, BODY, '/graphql', 'PUT'))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(received({ ...headers, [VIEWER_HEADER]: encodeViewer(leader) }))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(received({ ...headers, 'content-type': 'text/plain' }))).toEqual(refused('CREDENTIAL_INVALID'));
    // None of those refusals used up the nonce: the request as signed still runs, once.
    expect(await outcome(received(headers))).toEqual({ viewer: null });
  });

  it("open one subgraph only: another subgraph's signature, or another secret's, is refused", async () => {
    const forHr = await signSubgraphRequest(SECRET, 'hr', outgoing(leader));
    expect(await outcome(received(forHr))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(received(forHr), createReplayCache(), 'hr')).toEqual({ viewer: leader });
    // The keyid claimed for finance, the signature made with hr's key.
    const relabelled = { ...forHr, 'signature-input': forHr['signature-input']!.replace('gateway:hr', 'gateway:finance') };
    expect(await outcome(received(relabelled))).toEqual(refused('CREDENTIAL_INVALID'));
    const forged = await signSubgraphRequest('another secret', 'finance', outgoing(leader));
    expect(await outcome(received(forged))).toEqual(refused('CREDENTIAL_INVALID'));
  });

  it('hold a signature for its lifetime only, and none created in the future', async () => {
    const at = (seconds: number) => signSubgraphRequest(SECRET, 'finance', outgoing(), { now: new Date(Date.now() + seconds * 1000) });
    expect(await outcome(received(await at(-CREDENTIAL_LIFETIME_SECONDS - 60)))).toEqual(refused('CREDENTIAL_EXPIRED'));
    expect(await outcome(received(await at(-3600)))).toEqual(refused('CREDENTIAL_EXPIRED'));
    expect(await outcome(received(await at(120)))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(received(await at(-2)))).toEqual({ viewer: null });
    // A signature that claims a longer life than the gateway gives is not the gateway's.
    const longLived = await signOtherwise([...SIGNED_COMPONENTS], { expires: new Date(Date.now() + 3_600_000) });
    expect(await outcome(received(longLived))).toEqual(refused('CREDENTIAL_INVALID'));
  });

  it('refuse a request without a signature, or with a signature of the right key that is not made as the gateway makes it', async () => {
    expect(await outcome(received({ 'content-type': 'application/json' }))).toEqual(refused('CREDENTIAL_MISSING'));
    const withoutDigest = SIGNED_COMPONENTS.filter((name) => name !== 'content-digest');
    expect(await outcome(received(await signOtherwise(withoutDigest, {})))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(received(await signOtherwise([...SIGNED_COMPONENTS, 'content-length'], {})))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(received(await signOtherwise([...SIGNED_COMPONENTS], { tag: 'another-app' })))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(received(await signOtherwise([...SIGNED_COMPONENTS], { alg: 'ed25519' })))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(received(await signOtherwise([...SIGNED_COMPONENTS], { nonce: 'short' })))).toEqual(refused('CREDENTIAL_INVALID'));
    // Made as the gateway makes it, the same helper's signature is accepted: the refusals above are for what differs.
    expect(await outcome(received(await signOtherwise([...SIGNED_COMPONENTS], {})))).toEqual({ viewer: null });
    const headers = await signSubgraphRequest(SECRET, 'finance', outgoing());
    const twice = { ...headers, signature: `${headers.signature}, other=:AAAA:`, 'signature-input': `${headers['signature-input']}, other=("@method")` };
    expect(await outcome(received(twice))).toEqual(refused('CREDENTIAL_INVALID'));
    expect(await outcome(received({ ...headers, signature: 'hub=:not base64:' }))).toEqual(refused('CREDENTIAL_INVALID'));
  });

  it("read the gateway's own form of Signature-Input and Signature as the structured-field parser reads it, and leave every other form to the parser", async () => {
    const both = (input: string, signature: string) => [gatewayForm(input, signature), parsedSignature(input, signature)] as const;
    // As the gateway writes them: many nonces, times and subgraphs, each read directly and read equal to the parser's reading.
    for (let i = 0; i < 200; i++) {
      const subgraph = ['finance', 'hr', 'organization', 'staffing', 'catalog'][i % 5]!;
      const headers = await signSubgraphRequest(SECRET, subgraph, outgoing(i % 2 ? leader : null), { now: new Date(Date.now() - i * 997_000) });
      const [direct, parsed] = both(headers['signature-input']!, headers.signature!);
      expect(direct).not.toBeNull();
      expect(direct).toEqual(parsed);
    }
    // Valid structured fields in another form (a leading zero, other spacing, another order, one more
    // parameter, another label, a longer signature): the direct reading declines and the parser decides,
    // as it did before there was a direct reading. The leading zero and the spacing read as the same
    // parameters (the parser serialises them back to the gateway's text), so the signature holds.
    const variants: [string, (input: string, signature: string) => [string, string], 'accepted' | 'refused'][] = [
      ['a leading zero', (i, sig) => [i.replace(/;created=(\d+)/, ';created=0$1'), sig], 'accepted'],
      ['two spaces between components', (i, sig) => [i.replace('"@method" "@path"', '"@method"  "@path"'), sig], 'accepted'],
      [
        'alg and tag swapped',
        (i, sig) => [i.replace(/;alg="hmac-sha256";tag="staffing-hub-gateway"/, ';tag="staffing-hub-gateway";alg="hmac-sha256"'), sig],
        'refused',
      ],
      ['one more parameter', (i, sig) => [`${i};extra=1`, sig], 'refused'],
      ['another label', (i, sig) => [i.replace(/^hub=/, 'other='), sig.replace(/^hub=/, 'other=')], 'refused'],
      ['a longer signature', (i, sig) => [i, sig.replace(/=:$/, 'AAAA:')], 'refused'],
    ];
    for (const [what, change, expected] of variants) {
      const headers = await signSubgraphRequest(SECRET, 'finance', outgoing());
      const [variantInput, variantSignature] = change(headers['signature-input']!, headers.signature!);
      expect(variantInput === headers['signature-input'] && variantSignature === headers.signature, what).toBe(false);
      expect(gatewayForm(variantInput, variantSignature), what).toBeNull();
      expect(await outcome(received({ ...headers, 'signature-input': variantInput, signature: variantSignature })), what).toEqual(
        expected === 'accepted' ? { viewer: null } : refused('CREDENTIAL_INVALID'),
      );
    }
  });

  it('refuse a viewer the gateway would not build', async () => {
    const headers = await signSubgraphRequest(SECRET, 'finance', {
      ...outgoing(),
      headers: { 'content-type': 'application/json', [VIEWER_HEADER]: Buffer.from('{"office":"police","role":"LEADER","sub":"x"}').toString('base64url') },
    });
    expect(await outcome(received(headers))).toEqual(refused('CREDENTIAL_INVALID'));
  });

  it('answer 503 rather than forget a nonce when the replay cache is full of live ones', async () => {
    const replays = createReplayCache(1);
    expect(await outcome(received(await signSubgraphRequest(SECRET, 'finance', outgoing())), replays)).toEqual({ viewer: null });
    expect(await outcome(received(await signSubgraphRequest(SECRET, 'finance', outgoing())), replays)).toEqual({
      status: 503,
      reason: 'REPLAY_CACHE_FULL',
      bilingual: true,
    });
  });
});
