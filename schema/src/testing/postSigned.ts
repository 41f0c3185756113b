import { encodeViewer, signSubgraphRequest, type SignOptions, type Viewer } from '../kit/index.ts';

/** What a test sends straight to a subgraph: the body as the exact string posted. */
export interface SignedPost {
  secret: string;
  /** Whose key signs it (a test signs for another subgraph to show the key does not open this one). */
  subgraph: string;
  body: string;
  viewer?: Viewer | null;
  options?: SignOptions;
}

/** The fetch arguments of a POST to a subgraph signed as the gateway signs (or, with the wrong secret or subgraph, as it does not). */
export async function signedPost(url: string, post: SignedPost): Promise<RequestInit & { headers: Record<string, string>; body: string }> {
  const headers = { 'content-type': 'application/json', 'x-hub-viewer': encodeViewer(post.viewer ?? null) };
  return {
    method: 'POST',
    headers: await signSubgraphRequest(post.secret, post.subgraph, { method: 'POST', url, headers, body: post.body }, post.options),
    body: post.body,
  };
}
