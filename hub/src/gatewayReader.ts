import type { HubReader } from '@hub/catalog';

/** Who a verification run reads as: the coordination group (协调小组), hosted by the Staffing Office. */
export const VERIFICATION_VIEWER = { sub: 'verification-run', office: 'staffing', role: 'COORDINATOR' } as const;

/** How long each of the run's tokens lives (one is signed for each operation, on the signer's clock, which tests move). */
const TOKEN_TTL = '5m';

/**
 * The verification worker's reader: each operation a POST to the gateway's GraphQL as the coordination
 * group's identity, so the catalog and the operation log see every read the run makes. The one-process
 * hub (startHub) signs with its gateway's token service, a catalog service of its own (startCatalog)
 * with a token service on JWT_SECRET: the same tokens either way. `url` may be read late (a gateway on
 * a free port knows its URL only once it listens).
 */
export function gatewayReader(url: string | (() => string), sign: (viewer: typeof VERIFICATION_VIEWER, ttl: string) => Promise<string>): HubReader {
  return async (query, variables) => {
    const response = await fetch(typeof url === 'string' ? url : url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await sign(VERIFICATION_VIEWER, TOKEN_TTL)}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json().catch(() => ({}))) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (answer.errors?.length || !answer.data)
      throw new Error(`verification read failed: ${answer.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`}`);
    return answer.data;
  };
}
