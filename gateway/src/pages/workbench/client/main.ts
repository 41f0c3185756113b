import { disposeCharts } from './chart.ts';
import { whenUnauthenticated } from './graphql.ts';
import { h } from './h.ts';
import { label, officeLabel, ROLE_LABELS } from './labels.ts';
import { session } from './session.ts';
import { catalogView } from './views/catalogView.ts';
import { entryView } from './views/entryView.ts';
import { institutionView } from './views/institutionView.ts';
import { overviewView } from './views/overviewView.ts';
import { reportView } from './views/reportView.ts';
import { requestsView } from './views/requestsView.ts';
import { signInView } from './views/signInView.ts';
import { systemView } from './views/systemView.ts';

const app = document.getElementById('app')!;
const nav = document.getElementById('nav')!;
const viewerBox = document.getElementById('viewer')!;
const devSignIn = document.querySelector('meta[name="hub-dev-sign-in"]')?.getAttribute('content') === 'on';

const LINKS: [string, string][] = [
  ['#/', '全市概览'],
  ['#/catalog', '共享目录'],
  ['#/requests', '共享申请与授权'],
  ['#/report', '年度结构报告'],
];

/** Which view a location's hash names: #/, #/system/X, #/institution/CODE, #/catalog[/CODE], #/requests, #/report. */
function route(hash: string): (() => Promise<HTMLElement>) | null {
  const [, first, second] = hash
    .replace(/^#/, '')
    .split('?')[0]!
    .split('/')
    .map((part) => decodeURIComponent(part));
  switch (first ?? '') {
    case '':
      return overviewView;
    case 'system':
      return second ? () => systemView(second) : null;
    case 'institution':
      return second ? () => institutionView(second) : null;
    case 'catalog':
      return second ? () => entryView(second) : catalogView;
    case 'requests':
      return requestsView;
    case 'report':
      return reportView;
    default:
      return null;
  }
}

let drawing = 0;
/** Draws the page the hash names; a newer navigation wins over a slower older one. */
async function render(): Promise<void> {
  const mine = ++drawing;
  disposeCharts();
  const viewer = session.viewer();
  if (!viewer) {
    nav.hidden = true;
    viewerBox.replaceChildren();
    app.replaceChildren(signInView({ devSignIn, onSignedIn: () => void render() }));
    return;
  }
  nav.hidden = false;
  nav.replaceChildren(
    ...LINKS.map(([href, text]) => h('a', { href, class: location.hash === href || (href === '#/' && !location.hash) ? 'current' : null }, text)),
  );
  viewerBox.replaceChildren(
    h('span', { 'data-testid': 'viewer' }, `${officeLabel(viewer.office)} · ${label(ROLE_LABELS, viewer.role)} · ${viewer.sub}`),
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: () => {
          session.signOut();
          void render();
        },
      },
      '退出',
    ),
  );
  app.replaceChildren(h('p', { class: 'muted' }, '正在读取……'));
  let page: HTMLElement;
  try {
    const view = route(location.hash);
    page = view ? await view() : h('section', {}, h('h1', {}, '未找到'), h('p', {}, '没有这个页面。'), h('a', { href: '#/' }, '返回全市概览'));
  } catch (error) {
    page = h('section', {}, h('h1', {}, '页面出错'), h('p', { class: 'error' }, String(error)));
  }
  if (mine === drawing) app.replaceChildren(page);
}

whenUnauthenticated((message) => {
  session.signOut();
  sessionStorage.setItem('hub.workbench.notice', message);
  void render();
});
addEventListener('hashchange', () => void render());
void render();
