import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml.ts';

describe('escapeHtml', () => {
  it('replaces the five characters that can end a text node or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
  it('leaves other text, Chinese included, as it is, and renders null and undefined as nothing', () => {
    expect(escapeHtml('有条件共享 / Conditional · Person.idNumber')).toBe('有条件共享 / Conditional · Person.idNumber');
    expect([escapeHtml(null), escapeHtml(undefined), escapeHtml(0), escapeHtml(false)]).toEqual(['', '', '0', 'false']);
  });
});
