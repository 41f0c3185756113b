import type { IncomingMessage } from 'node:http';

/** The largest request body the gateway and the subgraphs read: 1 MiB. */
export const MAX_BODY_BYTES = 1 << 20;

/**
 * Reads a request's body as the exact bytes received, up to `limit`; anything larger is refused (an
 * error with `status: 413`) before the rest is read. The bytes, not a parsed value: a subgraph checks
 * the gateway's Content-Digest against them.
 */
export async function readRequestBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}
