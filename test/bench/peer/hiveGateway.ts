import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { encodeViewer, signSubgraphRequest, VIEWER_HEADER, type Viewer } from '@hub/schema';
import { createTokenService } from '../../../gateway/src/identity/tokens.ts';

/**
 * bench:peer's peer: The Guild's Hive Gateway (2.15.1) on the same supergraph file, in its own
 * process, bound to 127.0.0.1. A small plugin does what our gateway does for a subgraph request: it
 * verifies the caller's bearer token, names the viewer in x-hub-viewer and signs the request with the
 * same per-request credential (schema/src/kit/gatewayCredential.ts), over the exact body sent.
 * HIVE_MODE: `shipped` (merging of identical in-flight subgraph requests on, its default), `nomerge`
 * (off), `rust` (as shipped, with the Rust query planner of @graphql-hive/router-runtime).
 * Prints `{"url":…}`; stops on SIGTERM.
 */
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`hiveGateway.ts: ${name} is required`);
  return value;
};
const mode = env('HIVE_MODE');
const secret = env('SUBGRAPH_SECRET');
const tokens = createTokenService(env('JWT_SECRET'));
/** Which subgraph a URL is (the credential's key is per subgraph). */
const names = new Map(Object.entries(JSON.parse(env('SUBGRAPH_URLS_JSON')) as Record<string, string>).map(([name, url]) => [url, name]));
/** The token of a request is verified once however many subgraph fetches it makes. */
const viewers = new WeakMap<object, Promise<Viewer | null>>();

const signing: GatewayPlugin = {
  async onFetch({ url, options, setOptions, context }) {
    const subgraph = names.get(url);
    if (!subgraph || !('request' in context)) return;
    const request = context.request as Request;
    let viewer = viewers.get(request);
    if (!viewer) {
      const header = request.headers.get('authorization');
      viewer = header ? tokens.verify(header.replace(/^Bearer\s+/i, '')) : Promise.resolve(null);
      viewers.set(request, viewer);
    }
    const headers = { ...(options.headers as Record<string, string>), [VIEWER_HEADER]: encodeViewer(await viewer) };
    const body = options.body as string;
    const signed = await signSubgraphRequest(secret, subgraph, { method: options.method ?? 'POST', url, headers, body });
    setOptions({ ...options, headers: signed });
  },
};

const runtime = createGatewayRuntime({
  supergraph: env('SUPERGRAPH_FILE'),
  logging: false,
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: mode !== 'nomerge' } as Record<string, unknown> } },
  ...(mode === 'rust' ? { unifiedGraphHandler: (await import('@graphql-hive/router-runtime')).unifiedGraphHandler } : {}),
  plugins: () => [signing],
});
const server = createServer(runtime);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` })}\n`);
process.once('SIGTERM', async () => {
  server.close();
  await runtime.dispose();
  process.exit(0);
});
