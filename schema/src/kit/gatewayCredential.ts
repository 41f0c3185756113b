import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type BareItem, type InnerList, isInnerList, parseDictionary, serializeList } from 'structured-headers';
import { ErrorCode, hubError } from './errors.ts';
import type { ReplayCache } from './replayCache.ts';
import { isOffice, isRole, type Viewer } from './roles.ts';

export type { Viewer };

/**
 * How the gateway vouches for one request to one subgraph: an RFC 9421 HTTP Message Signature
 * (`Signature-Input`, `Signature`) over the request's method, path, body digest (RFC 9530
 * `Content-Digest`, sha-256 of the exact bytes sent), content type and the viewer, with a created
 * time, an expiry and a nonce. A captured request thus runs nothing else (another body, path or
 * viewer breaks the signature or the digest) and nothing twice (the subgraph keeps each nonce).
 * `@path`, not `@target-uri`: a proxy or TLS terminator in front of a subgraph changes the scheme
 * and authority, not the path; the per-subgraph key already binds the request to its subgraph.
 */

/** The header that carries who the gateway vouches for (base64url of the viewer's JSON; `null`: a public caller). */
export const VIEWER_HEADER = 'x-hub-viewer';
/** What every signature must cover, no more and no less. */
export const SIGNED_COMPONENTS: readonly string[] = ['@method', '@path', 'content-digest', 'content-type', VIEWER_HEADER];
/** How long a signed request may take to arrive; the replay cache keeps each nonce this long (plus the skew). */
export const CREDENTIAL_LIFETIME_SECONDS = 30;
/** How far the gateway's and a subgraph's clocks may disagree. */
export const CREDENTIAL_CLOCK_SKEW_SECONDS = 5;

const ALG = 'hmac-sha256';
/** RFC 9421 `tag`: this application's signatures, so that one made for another purpose with the same key is refused. */
const TAG = 'staffing-hub-gateway';
const LABEL = 'hub';
const keyIdOf = (subgraph: string) => `gateway:${subgraph}`;

const keys = new Map<string, Uint8Array>();

/**
 * Each subgraph has its own key, derived from the shared secret, so one subgraph's key opens no other.
 * Derived once per (secret, subgraph): signing and checking run on every subgraph request.
 */
function subgraphKey(secret: string, subgraph: string): Uint8Array {
  const id = `${subgraph}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = createHmac('sha256', secret).update(`subgraph:${subgraph}`).digest();
    keys.set(id, key);
  }
  return key;
}

/** The viewer header's value. */
export function encodeViewer(viewer: Viewer | null): string {
  const claims = viewer && { office: viewer.office, role: viewer.role, sub: viewer.sub, ...(viewer.unit ? { unit: viewer.unit } : {}) };
  return Buffer.from(JSON.stringify(claims)).toString('base64url');
}

/** RFC 9530 Content-Digest of the exact bytes of a body: `sha-256=:<base64>:`. */
export function contentDigest(body: string | Uint8Array): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

/** A request as the gateway is about to send it; `headers` must hold `content-type` and the viewer header. */
export interface OutgoingSubgraphRequest {
  method: string;
  /** Where it goes; only the path is signed. */
  url: string;
  headers: Record<string, string>;
  /** The exact body that goes on the wire. */
  body: string | Uint8Array;
}

/** Tests sign as of another time, or with a chosen nonce. */
export interface SignOptions {
  now?: Date;
  nonce?: string;
}

/**
 * The request's headers with its Content-Digest and the gateway's signature added (names in lower case).
 * The signature base (RFC 9421 §2.5) is written out here for the five components the gateway always
 * covers, in place of http-message-signatures' general one: that one parses every component name and
 * parameter back through structured-headers and re-serialises the headers it adds, 13 % of the
 * gateway's busy time on every subgraph request. What it makes is byte for byte what the library makes
 * (gatewayCredential.test.ts signs the same request both ways), and the library verifies it.
 */
export async function signSubgraphRequest(
  secret: string,
  subgraph: string,
  request: OutgoingSubgraphRequest,
  options: SignOptions = {},
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  for (const name in request.headers) {
    const lower = name.toLowerCase();
    if (lower !== 'signature' && lower !== 'signature-input') headers[lower] = request.headers[name]!;
  }
  if (!headers['content-type'] || headers[VIEWER_HEADER] === undefined)
    throw new Error(`a subgraph request is signed with its content-type and ${VIEWER_HEADER}`);
  headers['content-digest'] = contentDigest(request.body);
  const created = Math.floor((options.now ?? new Date()).getTime() / 1000);
  // A nonce of the pool is base64url, a key id a subgraph's name: quoted as they are; a nonce a test chooses is checked.
  const nonce = options.nonce === undefined ? `"${newNonce()}"` : sfString(options.nonce);
  const signatureParams = `${COVERED};created=${created};expires=${created + CREDENTIAL_LIFETIME_SECONDS};nonce=${nonce}${paramsAfterNonce(subgraph)}`;
  const base = signatureBase(SIGNED_COMPONENTS, request.method, pathOf(request.url), headers, signatureParams);
  const signature = createHmac('sha256', subgraphKey(secret, subgraph)).update(base).digest('base64');
  headers.signature = `${LABEL}=:${signature}:`;
  headers['signature-input'] = `${LABEL}=${signatureParams}`;
  return headers;
}

/** `;keyid="gateway:<subgraph>";alg="hmac-sha256";tag="staffing-hub-gateway"`, made once per subgraph. */
const paramTails = new Map<string, string>();
function paramsAfterNonce(subgraph: string): string {
  let tail = paramTails.get(subgraph);
  if (tail === undefined) {
    tail = `;keyid=${sfString(keyIdOf(subgraph))};alg="${ALG}";tag="${TAG}"`;
    paramTails.set(subgraph, tail);
  }
  return tail;
}

/** `("@method" "@path" "content-digest" "content-type" "x-hub-viewer")`: the components, as Signature-Input lists them. */
const COVERED = `(${SIGNED_COMPONENTS.map((name) => `"${name}"`).join(' ')})`;

/** An RFC 8941 sf-string (the nonce, the key id): printable ASCII, `"` and `\` escaped. */
function sfString(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new TypeError(`${JSON.stringify(value)} cannot be a structured-field string`);
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * The signature base of RFC 9421 §2.5 over `components` in their order, the derived ones from the
 * method and path and every other one the (lower-cased) header's value as the library writes it
 * (trimmed, obsolete line folding joined), then `@signature-params`. A missing header throws.
 */
function signatureBase(components: readonly string[], method: string, path: string, headers: Record<string, string>, signatureParams: string): string {
  let base = '';
  for (const name of components) {
    let value: string;
    if (name === '@method') value = method.toUpperCase();
    else if (name === '@path') value = path;
    else {
      const header = headers[name];
      if (header === undefined) throw new Error(`no header "${name}" to sign`);
      value = header.includes('\n') ? header.trim().replace(/\n\s*/gm, ' ') : header.trim();
    }
    base += `"${name}": ${value}\n`;
  }
  return `${base}"@signature-params": ${signatureParams}`;
}

/**
 * `@path` of a URL or of a received request target (`/graphql?…`): its path as WHATWG URL normalises it,
 * `/` when empty. A target is appended to an origin, not resolved against one, as the library does: a
 * target `//other/graphql` keeps its path `//other/graphql` instead of naming a host.
 */
const paths = new Map<string, string>();
function pathOf(url: string): string {
  let path = paths.get(url);
  if (path === undefined) {
    path = new URL(url.startsWith('/') ? `http://subgraph${url}` : url).pathname || '/';
    // The gateway reaches a handful of URLs; a subgraph is sent whatever a caller writes, so keep only a few.
    if (paths.size < 256) paths.set(url, path);
  }
  return path;
}

/**
 * A fresh 16-byte nonce (base64url). Taken from a pool of random bytes filled 4 KiB at a time, each
 * byte used once: a `randomBytes(16)` per request is a synchronous call into OpenSSL every time.
 */
const NONCE_BYTES = 16;
let noncePool = Buffer.alloc(0);
let noncePoolAt = 0;
function newNonce(): string {
  if (noncePoolAt + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(4096);
    noncePoolAt = 0;
  }
  const nonce = noncePool.toString('base64url', noncePoolAt, noncePoolAt + NONCE_BYTES);
  noncePoolAt += NONCE_BYTES;
  return nonce;
}

/** Why a subgraph refused a request (`extensions.reason`, beside the code UNAUTHENTICATED). */
export type CredentialRefusal = 'CREDENTIAL_MISSING' | 'CREDENTIAL_INVALID' | 'CREDENTIAL_EXPIRED' | 'DIGEST_MISMATCH' | 'CREDENTIAL_REPLAYED';

/** A request the subgraph will not answer: 401, since only the gateway's credential opens it. */
const refuse = (reason: CredentialRefusal, zh: string, en: string) => hubError(ErrorCode.UNAUTHENTICATED, null, zh, en, { reason, http: { status: 401 } });
const invalid = (zh: string, en: string) => refuse('CREDENTIAL_INVALID', zh, en);

/** A request as a subgraph received it, body as raw bytes. */
export interface ReceivedSubgraphRequest {
  method: string;
  /** The request target as received (path and query). */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/**
 * Checks the gateway's signature on a request to a subgraph (`_entities` and `_service` included)
 * and returns the viewer it vouches for; anything else is refused with 401 and a reason: no
 * signature; one that is not the gateway's for this subgraph or does not cover exactly
 * SIGNED_COMPONENTS; created in the future or outside its lifetime; a body other than the one
 * signed; a nonce already accepted. The nonce is kept only once everything else holds.
 */
export async function verifySubgraphRequest(secret: string, subgraph: string, request: ReceivedSubgraphRequest, replays: ReplayCache): Promise<Viewer | null> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  if (headers['signature-input'] === undefined && headers.signature === undefined)
    throw refuse('CREDENTIAL_MISSING', '子图只接受来自网关的签名请求', 'this subgraph answers only requests signed by the gateway');

  // One signature, labelled as the gateway labels it, covering exactly the components above.
  const read = readSignature(headers['signature-input'] ?? '', headers.signature ?? '');
  if (!read) throw invalid('网关签名无法读取', 'the gateway signature cannot be read');
  const { covered, params, signatureParams, claimed } = read;
  if (covered.length !== SIGNED_COMPONENTS.length || !SIGNED_COMPONENTS.every((name) => covered.includes(name)))
    throw invalid('网关签名未覆盖规定的请求部分', `the signature must cover exactly ${SIGNED_COMPONENTS.join(', ')}`);
  if (params.get('alg') !== ALG || params.get('tag') !== TAG) throw invalid('网关签名的算法或用途不符', `the signature must be ${ALG} with tag "${TAG}"`);
  if (params.get('keyid') !== keyIdOf(subgraph)) throw invalid('该签名不是发给本子图的', 'the signature was made for another subgraph');
  const created = params.get('created');
  const expires = params.get('expires');
  const nonce = params.get('nonce');
  if (!Number.isInteger(created) || !Number.isInteger(expires) || typeof nonce !== 'string' || nonce.length < 16 || nonce.length > 128)
    throw invalid('网关签名缺少创建时间、有效期或随机数', 'the signature lacks its created time, expiry or nonce');
  const now = Date.now() / 1000;
  if ((created as number) > now + CREDENTIAL_CLOCK_SKEW_SECONDS) throw invalid('网关签名的创建时间在未来', 'the signature is created in the future');
  if ((expires as number) - (created as number) > CREDENTIAL_LIFETIME_SECONDS)
    throw invalid('网关签名的有效期过长', `the signature claims more than ${CREDENTIAL_LIFETIME_SECONDS} s of life`);
  if (now > (expires as number) + CREDENTIAL_CLOCK_SKEW_SECONDS || now - (created as number) > CREDENTIAL_LIFETIME_SECONDS + CREDENTIAL_CLOCK_SKEW_SECONDS)
    throw refuse('CREDENTIAL_EXPIRED', '网关签名已过期', 'the gateway signature has expired');

  // The signature itself: the base rebuilt from what the request carries, in the order Signature-Input
  // lists it (the parameters serialised again, as RFC 9421 §2.3 and http-message-signatures do), and
  // its HMAC compared in constant time. gatewayCredential.test.ts checks this against the library.
  let valid: boolean;
  try {
    if (!request.path.startsWith('/')) throw new Error('not a path');
    const base = signatureBase(covered, request.method, pathOf(request.path), headers, signatureParams);
    const expected = createHmac('sha256', subgraphKey(secret, subgraph)).update(base).digest();
    valid = claimed.length === expected.length && timingSafeEqual(claimed, expected);
  } catch {
    valid = false;
  }
  if (!valid) throw invalid('网关签名无效', 'the gateway signature is not valid');

  // The body is the one signed: its digest is covered by the signature, the bytes must match it.
  if (!digestMatches(headers['content-digest'] ?? '', request.body))
    throw refuse('DIGEST_MISMATCH', '请求体与网关签名的摘要不符', 'the request body does not match the digest the gateway signed');

  const viewer = decodeViewer(headers[VIEWER_HEADER] ?? '');
  const claim = replays.claim(nonce, ((created as number) + CREDENTIAL_LIFETIME_SECONDS + CREDENTIAL_CLOCK_SKEW_SECONDS + 1) * 1000);
  if (claim === 'SEEN') throw refuse('CREDENTIAL_REPLAYED', '该网关签名已被使用过', 'this gateway signature has already been used');
  if (claim === 'FULL')
    throw hubError(ErrorCode.INTERNAL_SERVER_ERROR, null, '子图繁忙，请稍后重试', 'the subgraph is busy; try again shortly', {
      reason: 'REPLAY_CACHE_FULL',
      http: { status: 503 },
    });
  return viewer;
}

/** What verification reads of Signature-Input and Signature: the components covered (in order), the parameters, the parameters as signed, and the signature's bytes. */
export interface ReadSignature {
  covered: string[];
  params: Map<string, BareItem>;
  /** `@signature-params` of the signature base: the inner list serialised again, as RFC 9421 §2.3 has it. */
  signatureParams: string;
  claimed: Buffer;
}

/**
 * Signature-Input and Signature exactly as signSubgraphRequest writes them: the covered components in
 * its order, then `created`, `expires` (integers without leading zeros), the nonce (base64url),
 * `keyid`, `alg`, `tag`, and one sha-256-sized signature. For these, the structured-field parser reads
 * the same items and serialises the inner list back to the very text after `hub=`, so that text is the
 * signature's parameters as signed; parsing every request's three headers was about a tenth of a
 * subgraph's busy time. The decisions (components, algorithm, tag, key, times, nonce) are the caller's,
 * the same for either reading.
 */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SF_INTEGER = '(0|[1-9][0-9]{0,14})';
const GATEWAY_FORM = new RegExp(
  `^${LABEL}=(${literal(COVERED)};created=${SF_INTEGER};expires=${SF_INTEGER};nonce="([A-Za-z0-9_-]{16,128})";keyid="(${literal(keyIdOf(''))}[a-z0-9-]{1,64})";alg="${literal(ALG)}";tag="${literal(TAG)}")$`,
);
/** `label=:<base64 of 32 bytes>:`, the one member of Signature (label `hub`) or of Content-Digest (`sha-256`). */
const SHA256_BYTES = new RegExp(`^(${LABEL}|sha-256)=:([A-Za-z0-9+/]{43}=):$`);

/**
 * The signature the headers carry: read directly when they are in the gateway's own form, else by the
 * structured-field parser; null when they are not one signature labelled `hub` with an inner list of
 * components (the caller refuses that as unreadable).
 */
function readSignature(signatureInput: string, signature: string): ReadSignature | null {
  return gatewayForm(signatureInput, signature) ?? parsedSignature(signatureInput, signature);
}

/** The headers read directly, if they are in the gateway's form (GATEWAY_FORM); null otherwise. Exported for the test that holds it equal to parsedSignature. */
export function gatewayForm(signatureInput: string, signature: string): ReadSignature | null {
  const form = GATEWAY_FORM.exec(signatureInput);
  const bytes = form && SHA256_BYTES.exec(signature);
  if (!form || !bytes || bytes[1] !== LABEL) return null;
  return {
    covered: [...SIGNED_COMPONENTS],
    params: new Map<string, BareItem>([
      ['created', Number(form[2])],
      ['expires', Number(form[3])],
      ['nonce', form[4]!],
      ['keyid', form[5]!],
      ['alg', ALG],
      ['tag', TAG],
    ]),
    signatureParams: form[1]!,
    claimed: Buffer.from(bytes[2]!, 'base64'),
  };
}

/** The headers as the structured-field parser reads them (RFC 8941 dictionaries), whatever their form. */
export function parsedSignature(signatureInput: string, signature: string): ReadSignature | null {
  try {
    const inputs = parseDictionary(signatureInput);
    const signatures = parseDictionary(signature);
    const member = inputs.get(LABEL);
    const signed = signatures.get(LABEL);
    if (inputs.size !== 1 || signatures.size !== 1 || !member || !isInnerList(member) || !signed || isInnerList(signed) || !(signed[0] instanceof ArrayBuffer))
      return null;
    return {
      covered: member[0].map(([name, componentParams]) => (componentParams.size || typeof name !== 'string' ? '' : name)),
      params: member[1],
      signatureParams: serializeList([member as InnerList]),
      claimed: Buffer.from(signed[0]),
    };
  } catch {
    return null;
  }
}

/** Whether the Content-Digest's sha-256 member is the digest of these bytes (other algorithms are not accepted). */
function digestMatches(header: string, body: Uint8Array): boolean {
  try {
    // The gateway's form (`sha-256=:<base64>:` alone) read directly; anything else by the parser.
    const direct = SHA256_BYTES.exec(header);
    let claimed: Buffer;
    if (direct && direct[1] === 'sha-256') claimed = Buffer.from(direct[2]!, 'base64');
    else {
      const member = parseDictionary(header).get('sha-256');
      if (!member || isInnerList(member) || !(member[0] instanceof ArrayBuffer)) return false;
      claimed = Buffer.from(member[0]);
    }
    const actual = createHash('sha256').update(body).digest();
    return claimed.length === actual.length && timingSafeEqual(claimed, actual);
  } catch {
    return false;
  }
}

/** The viewer the signed header names. The gateway signs only viewers it built itself: an unknown office or role means mismatched versions, refused rather than read as anonymous. */
export function decodeViewer(header: string): Viewer | null {
  let viewer: Partial<Viewer> | null;
  try {
    viewer = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  } catch {
    throw invalid('凭证中的身份无法读取', 'the viewer the gateway vouches for cannot be read');
  }
  if (viewer === null) return null;
  if (typeof viewer !== 'object' || !isOffice(viewer.office) || !isRole(viewer.role) || typeof viewer.sub !== 'string' || !viewer.sub)
    throw invalid('凭证中的身份无法识别', 'the credential names an unknown office or role');
  return { office: viewer.office, role: viewer.role, sub: viewer.sub, ...(typeof viewer.unit === 'string' && viewer.unit ? { unit: viewer.unit } : {}) };
}
