import type { IncomingMessage } from 'node:http';
import { refuseToken, type TokenService } from './tokens.ts';
import type { Viewer } from '@hub/schema';

/**
 * The viewer of a request from its Authorization header: null without one (public items only);
 * an UNAUTHENTICATED error (`refuseToken`) for a malformed, expired or forged token, which the gateway answers with 401.
 */
export async function authenticate(header: string | string[] | undefined, tokens: TokenService): Promise<Viewer | null> {
  if (header === undefined || header === '') return null;
  const value = Array.isArray(header) ? header[0]! : header;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  if (!match) throw refuseToken('TOKEN_MISSING', 'Authorization 头应为 "Bearer <令牌>"', 'the Authorization header must be "Bearer <token>"');
  return tokens.verify(match[1]!);
}

const viewers = new WeakMap<IncomingMessage, Promise<Viewer | null>>();

/**
 * The viewer of an HTTP request, its token verified once however many parts of the edge ask (the
 * rate limit, then the request's context): the same promise, resolved or refused, for the request.
 */
export function requestViewer(req: IncomingMessage, tokens: TokenService): Promise<Viewer | null> {
  let viewer = viewers.get(req);
  if (!viewer) {
    viewer = authenticate(req.headers.authorization, tokens);
    viewers.set(req, viewer);
  }
  return viewer;
}
