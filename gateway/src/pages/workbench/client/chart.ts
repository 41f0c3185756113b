import { h } from './h.ts';

// biome-ignore lint/suspicious/noExplicitAny: ECharts' option object, documented at echarts.apache.org
type EChartsOption = Record<string, any>;
interface ECharts {
  setOption(option: EChartsOption): void;
  resize(): void;
  dispose(): void;
}
declare global {
  interface Window {
    echarts?: { init(element: HTMLElement, theme?: string | null, options?: { renderer?: 'canvas' | 'svg' }): ECharts };
  }
}

const live = new Set<ECharts>();
addEventListener('resize', () => {
  for (const chart of live) chart.resize();
});

/** Charts of the page being left: disposed before the next page draws. */
export const disposeCharts = () => {
  for (const chart of live) chart.dispose();
  live.clear();
};

/**
 * A chart box drawn by Apache ECharts (loaded beside this script from the gateway, canvas renderer)
 * once it is in the document; `caption` is its title and its text for screen readers.
 */
export function chart(caption: string, option: EChartsOption, size: 'wide' | 'half' = 'half'): HTMLElement {
  const box = h('div', { class: `chart ${size}`, role: 'img', 'aria-label': caption });
  const figure = h('figure', { class: `figure ${size}` }, h('figcaption', {}, caption), box);
  requestAnimationFrame(() => {
    if (!window.echarts) {
      box.append(h('p', { class: 'error' }, '图表组件未能加载'));
      return;
    }
    const instance = window.echarts.init(box, null, { renderer: 'canvas' });
    instance.setOption({ animation: false, textStyle: { fontFamily: 'WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif' }, ...option });
    live.add(instance);
  });
  return figure;
}
