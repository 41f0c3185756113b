import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { VIEWER_HEADER } from '@hub/schema';
import { Agent, type Dispatcher, util } from 'undici';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

export interface SubgraphFetcherOptions {
  /**
   * Identical queries in flight at once to one subgraph for one viewer go out once (README, "How fast
   * the gateway is"): on by default.
   */
  merge: boolean;
  /** Keep-alive connections the gateway keeps open to each subgraph at most. */
  connectionsPerSubgraph?: number;
  /**
   * The headers of a request with the gateway's credential added, made over the exact body that goes
   * on the wire (README, "How the gateway vouches for a request"): called once per request actually sent.
   */
  sign(subgraph: string, request: { method: string; url: string; headers: Record<string, string>; body: string }): Promise<Record<string, string>>;
}

/** What one subgraph answered, kept as text so that every request that waited for it parses its own copy. */
interface Answer {
  url: string;
  status: number;
  statusText: string;
  /** Read only, one object for everyone who waited for the answer. */
  headers: AnswerHeaders;
  text: string;
}

interface InFlight {
  answer: Promise<Answer>;
  /** Aborts the one HTTP request once every request waiting for it has given up. */
  controller: AbortController;
  waiting: number;
}

/** A query (not a mutation) as RemoteGraphQLDataSource serialises it: `{"query":"query …` or `{"query":"{ …`. */
const isQuery = (body: string) => body.startsWith('{"query":"query') || body.startsWith('{"query":"{');

/**
 * The one way the gateway's data sources reach a subgraph over HTTP (README, "How fast the gateway is,
 * beside Hive Gateway"): undici's connection pool, one per subgraph, its sockets kept alive, in place
 * of RemoteGraphQLDataSource's make-fetch-happen (whose agent reads a stack trace on every request to
 * learn whether it is HTTPS). Every request sent is signed here, over its exact bytes; one that
 * retried would have to do so above this (a resent signature is refused as a replay).
 *
 * With `merge`, a query already in flight to the same subgraph with the same body (the exact document
 * and variables) for the same viewer (the signed x-hub-viewer header) is not sent again: the request
 * waits for that answer and gets its own copy of it. The viewer is in the key, so one viewer's answer
 * is never handed to another: the credential the one request carried was signed for that viewer and
 * that body; a request that waits is not signed, since it is not sent. Mutations always go out. A request that is aborted (its deadline) stops waiting; the
 * HTTP request itself is aborted only when nobody waits for it any more.
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions): { fetcherFor(subgraph: string): Fetcher; close(): Promise<void> } {
  const agent = new Agent({ connections: options.connectionsPerSubgraph ?? 128, keepAliveTimeout: 4000 });
  const inFlight = new Map<string, InFlight>();
  /** Each subgraph URL split once into what undici's request takes (the data sources send to a handful of URLs). */
  const targets = new Map<string, { origin: string; path: string }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: parsed.pathname + parsed.search };
      targets.set(url, target);
    }
    return target;
  };

  async function send(subgraph: string, url: string, init: Parameters<Fetcher>[1], signal: AbortSignal | undefined): Promise<Answer> {
    const method = init?.method ?? 'POST';
    const body = init?.body;
    if (typeof body !== 'string') throw new Error(`a request to ${subgraph} without a string body cannot be signed`);
    const signed = await options.sign(subgraph, { method, url, headers: { ...(init?.headers as Record<string, string>) }, body });
    const target = targetOf(url);
    const { status, statusText, headers, text } = await exchange(
      agent,
      { origin: target.origin, path: target.path, method: method as 'POST', headers: signed, body },
      signal,
    );
    return { url, status, statusText, headers: new AnswerHeaders(headers), text };
  }

  const fetcherFor =
    (subgraph: string): Fetcher =>
    async (url, init) => {
      const signal = (init?.signal ?? undefined) as AbortSignal | undefined;
      const body = typeof init?.body === 'string' ? init.body : undefined;
      const headers = (init?.headers ?? {}) as Record<string, string>;
      if (!options.merge || body === undefined || !isQuery(body)) return respond(await send(subgraph, url, init, signal));
      const key = `${subgraph}\n${url}\n${headers[VIEWER_HEADER] ?? ''}\n${body}`;
      let shared = inFlight.get(key);
      if (!shared) {
        const controller = new AbortController();
        const entry: InFlight = {
          controller,
          waiting: 0,
          answer: send(subgraph, url, init, controller.signal).finally(() => {
            if (inFlight.get(key) === entry) inFlight.delete(key);
          }),
        };
        // A request that nobody waits for any more rejects with nobody to hear it.
        entry.answer.catch(() => {});
        inFlight.set(key, entry);
        shared = entry;
      }
      return respond(await waitFor(shared, signal));
    };

  return { fetcherFor, close: () => agent.close() };
}

/**
 * One HTTP exchange through the pool with a handler of its own that keeps the answer's bytes and
 * headers, in place of undici's `request()`: that one wraps every answer in a Readable stream and, given
 * an abort signal (every fetch has its deadline's), costs about twice the CPU per request (35–55 µs
 * against 70–105 µs a request measured on this machine, seven of them a Roster). Same outcomes: the
 * status, the headers as `request()` reads them (lower-case names, repeated ones joined), the body as
 * UTF-8 text (a byte order mark dropped, as `text()` does); a connection error rejects with undici's
 * error; an abort, before or after the request is sent, rejects with the signal's reason.
 */
function exchange(
  agent: Agent,
  request: Omit<Dispatcher.DispatchOptions, 'signal'>,
  signal: AbortSignal | undefined,
): Promise<{ status: number; statusText: string; headers: Map<string, string>; text: string }> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let status = 0;
    let statusText = '';
    let headers = new Map<string, string>();
    let abort: ((reason?: Error) => void) | undefined;
    let abortedWith: Error | undefined;
    const onAbort = () => {
      abortedWith = signal!.reason as Error;
      abort?.(abortedWith);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    const handler: Dispatcher.DispatchHandler = {
      onConnect(abortRequest) {
        abort = abortRequest;
        if (abortedWith) abortRequest(abortedWith);
      },
      onHeaders(statusCode, rawHeaders, _resume, message) {
        if (statusCode < 200) return true; // 1xx: the answer is still to come
        status = statusCode;
        statusText = message ?? '';
        headers = new Map();
        for (const [name, value] of Object.entries(util.parseHeaders(rawHeaders))) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        return true;
      },
      onData(chunk) {
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        done();
        const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
        resolve({ status, statusText, headers, text: bytes.toString('utf8', bom ? 3 : 0) });
      },
      onError(error) {
        done();
        reject(error);
      },
    };
    try {
      agent.dispatch(request, handler);
    } catch (error) {
      // Options undici refuses outright (it calls onError for everything after).
      done();
      reject(error);
    }
  });
}

/** The shared answer, or this request's own abort, whichever comes first. */
function waitFor(shared: InFlight, signal: AbortSignal | undefined): Promise<Answer> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  shared.waiting++;
  return new Promise<Answer>((resolve, reject) => {
    const onAbort = () => {
      if (--shared.waiting === 0) shared.controller.abort(signal!.reason);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    shared.answer.then(
      (answer) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(answer);
      },
      (error: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * An answer's headers (names in lower case), read only, shared by every response made of the
 * answer: what RemoteGraphQLDataSource reads of them (`get`) without a WHATWG Headers per response,
 * whose construction validates and sorts every name and value again.
 */
class AnswerHeaders {
  readonly #map: ReadonlyMap<string, string>;
  constructor(map: ReadonlyMap<string, string>) {
    this.#map = map;
  }
  get(name: string): string | null {
    return this.#map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.#map.has(name.toLowerCase());
  }
  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this.#map) callback(value, name);
  }
  entries(): IterableIterator<[string, string]> {
    return this.#map.entries();
  }
  keys(): IterableIterator<string> {
    return this.#map.keys();
  }
  values(): IterableIterator<string> {
    return this.#map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#map.entries();
  }
}

/**
 * A response of its own over the answer's text, with what RemoteGraphQLDataSource reads (status,
 * headers, json()): a plain object, not a WHATWG Response, whose body would go through a stream.
 */
function respond(answer: Answer): FetcherResponse {
  let used = false;
  const read = async () => {
    if (used) throw new TypeError('the body of this response was already read');
    used = true;
    return answer.text;
  };
  const response = {
    url: answer.url,
    status: answer.status,
    statusText: answer.statusText,
    ok: answer.status >= 200 && answer.status < 300,
    redirected: false,
    headers: answer.headers,
    get bodyUsed() {
      return used;
    },
    text: read,
    json: async () => JSON.parse(await read()) as unknown,
    clone: () => respond(answer),
  };
  return response as unknown as FetcherResponse;
}
