import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Route } from '../../httpServer.ts';
import type { TokenService } from '../../identity/tokens.ts';
import { clientBundle } from './clientBundle.ts';
import { devTokenEndpoint } from './devTokenEndpoint.ts';
import { sendAsset } from './sendAsset.ts';
import { shellPage } from './shellPage.ts';

const PREFIX = '/workbench';
/** Apache ECharts' own prebuilt file, served as it is from the installed package (nothing from a CDN). */
const ECHARTS = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
const CSS = fileURLToPath(new URL('./workbench.css', import.meta.url));

export interface WorkbenchOptions {
  tokens: TokenService;
  /** Development only: POST /workbench/dev-token signs a token for a picked office and role. */
  devSignIn: boolean;
}

/**
 * The workbench (工作台): GET /workbench is one static document; its script signs the visitor in
 * (a token kept in sessionStorage) and reads and writes only through /graphql with that token, so the
 * catalog decides what it shows, as for any department app. Files are read once and kept.
 */
export function workbenchPage({ tokens, devSignIn }: WorkbenchOptions): Route {
  let echarts: Buffer | undefined;
  let css: Buffer | undefined;
  const shell = shellPage(devSignIn);
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) return false;
    const method = (req.method ?? 'GET').toUpperCase();
    if (path === `${PREFIX}/dev-token`) {
      // Without the development sign-in the path does not exist (404), whatever the method.
      if (devSignIn) await devTokenEndpoint(req, res, tokens);
      else sendAsset(res, method, 404, 'text/plain; charset=utf-8', '未找到 / not found', 'no-store');
      return true;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('工作台页面只支持 GET 和 HEAD 请求 / GET and HEAD only');
      return true;
    }
    switch (path) {
      case PREFIX:
      case `${PREFIX}/`:
        sendAsset(res, method, 200, 'text/html; charset=utf-8', shell, 'no-store');
        return true;
      case `${PREFIX}/assets/workbench.js`:
        sendAsset(res, method, 200, 'text/javascript; charset=utf-8', await clientBundle(), 'no-cache');
        return true;
      case `${PREFIX}/assets/echarts.min.js`:
        echarts ??= readFileSync(ECHARTS);
        sendAsset(res, method, 200, 'text/javascript; charset=utf-8', echarts, 'no-cache');
        return true;
      case `${PREFIX}/assets/workbench.css`:
        css ??= readFileSync(CSS);
        sendAsset(res, method, 200, 'text/css; charset=utf-8', css, 'no-cache');
        return true;
      default:
        sendAsset(res, method, 404, 'text/plain; charset=utf-8', '未找到 / not found', 'no-store');
        return true;
    }
  };
}
