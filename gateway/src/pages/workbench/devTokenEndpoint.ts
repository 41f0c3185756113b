import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode, hubError, OFFICES, type Office, ROLES, type Role, readRequestBody } from '@hub/schema';
import type { TokenService } from '../../identity/tokens.ts';

/** The roles the development sign-in offers (a unit operator needs a unit's code: `pnpm run token --unit`). */
const DEV_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'UNIT_OPERATOR');
const MAX_BODY = 1024;

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};
const refuse = (res: ServerResponse, status: number, zh: string, en: string) => send(res, status, { errors: [hubError(ErrorCode.BAD_REQUEST, null, zh, en)] });

/**
 * POST /workbench/dev-token `{"office":"hr","role":"REVIEWER"}` → `{"token":"…"}`: the development
 * sign-in of the workbench, what `pnpm run token` prints, for 8 hours. The gateway mounts it only when
 * started with `devSignIn` (the launcher: NODE_ENV is not production and the key is the development key
 * file, no JWT_SECRET), so a production gateway has no such path and answers 404. JSON only, so a
 * cross-site form cannot post it.
 */
export async function devTokenEndpoint(req: IncomingMessage, res: ServerResponse, tokens: TokenService): Promise<void> {
  if ((req.method ?? 'GET').toUpperCase() !== 'POST') {
    res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' });
    res.end('只支持 POST / POST only');
    return;
  }
  if (!(req.headers['content-type'] ?? '').includes('application/json'))
    return refuse(res, 415, '请求须为 JSON（content-type: application/json）', 'the request must be JSON (content-type: application/json)');
  let body: { office?: unknown; role?: unknown };
  try {
    body = JSON.parse((await readRequestBody(req, MAX_BODY)).toString('utf8'));
  } catch (error) {
    if ((error as { status?: number }).status === 413) return refuse(res, 413, '请求体过大', 'the request body is too large');
    return refuse(res, 400, '请求体不是有效的 JSON', 'the request body is not valid JSON');
  }
  const office = body?.office;
  const role = body?.role;
  if (!OFFICES.includes(office as Office))
    return refuse(res, 400, `未知的部门（应为 ${OFFICES.join('、')}）`, `unknown office (expected one of ${OFFICES.join(', ')})`);
  if (!DEV_ROLES.includes(role as Role))
    return refuse(res, 400, `未知的角色（应为 ${DEV_ROLES.join('、')}）`, `unknown role (expected one of ${DEV_ROLES.join(', ')})`);
  try {
    const token = await tokens.sign({ office: office as Office, role: role as Role, sub: `${office}-${(role as string).toLowerCase()}-workbench` }, '8h');
    send(res, 200, { token });
  } catch (error) {
    if (error instanceof GraphQLError) return send(res, 400, { errors: [error] });
    throw error;
  }
}
