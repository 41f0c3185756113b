import type { HubReader } from '@hub/catalog';

/** Who a verification run reads as: the coordination group (协调小组), hosted by the Staffing Office. */
export const VERIFICATION_VIEWER = { sub: 'verification-run', office: 'staffing', role: 'COORDINATOR' } as const;

/** How long each of the run's tokens lives (one is signed for each operation, on the signer's clock, which tests move). */
const TOKEN_TTL = '5m';
/** How often one read is tried while the gateway answers 429 (rate limited), and the longest wait between tries. */
const RATE_LIMITED_ATTEMPTS = 20;
const MAX_RETRY_WAIT_MS = 30_000;

/**
 * The verification worker's reader: each operation a POST to the gateway's GraphQL as the coordination
 * group's identity, so the catalog and the operation log see every read the run makes. The one-process
 * hub (startHub) signs with its gateway's token service, a catalog service of its own (startCatalog)
 * with a token service on JWT_SECRET: the same tokens either way. `url` may be read late (a gateway on
 * a free port knows its URL only once it listens).
 */
export function gatewayReader(
  url: string | (() => string),
  sign: (viewer: typeof VERIFICATION_VIEWER, ttl: string) => Promise<string>,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): HubReader {
  return async (query, variables) => {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(typeof url === 'string' ? url : url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await sign(VERIFICATION_VIEWER, TOKEN_TTL)}` },
        body: JSON.stringify({ query, variables }),
      });
      // A run of a province makes hundreds of reads: past the coordination group's rate limit it waits
      // as the gateway asks (Retry-After) and reads again, rather than failing the whole run.
      if (response.status === 429 && attempt < RATE_LIMITED_ATTEMPTS) {
        await response.body?.cancel();
        const seconds = Number(response.headers.get('retry-after'));
        await wait(Math.min(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000, MAX_RETRY_WAIT_MS));
        continue;
      }
      const answer = (await response.json().catch(() => ({}))) as { data?: Record<string, unknown>; errors?: { message: string }[] };
      if (answer.errors?.length || !answer.data)
        throw new Error(`verification read failed: ${answer.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`}`);
      return answer.data;
    }
  };
}
