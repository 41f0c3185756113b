import { session } from './session.ts';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}
export interface Answer<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** Told when the gateway refuses the token (401): the app signs the viewer out. */
let onUnauthenticated: (message: string) => void = () => {};
export const whenUnauthenticated = (handler: (message: string) => void) => {
  onUnauthenticated = handler;
};

/**
 * One operation through the gateway's /graphql with the viewer's token, as any department app sends
 * it; the answer as the gateway gives it (data and errors side by side: a FORBIDDEN field is null
 * with its error at its path). A network failure becomes one error with the code NETWORK_ERROR.
 */
// biome-ignore lint/suspicious/noExplicitAny: each view reads its own query's answer field by field
export async function graphql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
  const token = session.token();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    return { status: 0, errors: [{ message: '无法连接网关 / the gateway cannot be reached', extensions: { code: 'NETWORK_ERROR' } }] };
  }
  let body: Answer<T>;
  try {
    body = await response.json();
  } catch {
    return { status: response.status, errors: [{ message: `网关返回了无法识别的答复（${response.status}）`, extensions: { code: 'BAD_RESPONSE' } }] };
  }
  if (response.status === 401) onUnauthenticated(body.errors?.[0]?.message ?? '令牌无效 / invalid token');
  return { ...body, status: response.status };
}
