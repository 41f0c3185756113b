import { describe, expect, it } from 'vitest';
import { html, trusted } from './html.ts';

describe('html', () => {
  it('escapes every interpolated value, inserts SafeHtml as it is, joins arrays and drops null, undefined and booleans', () => {
    const name = '<script>alert("x")</script>';
    const rows = ['a&b', 'c'].map((v) => html`<li>${v}</li>`);
    const result = html`<p title="${name}">${name}</p><ul>${rows}</ul>${null}${undefined}${false && html`<b>no</b>`}${true}${0}${trusted('<hr>')}`;
    expect(result.isEscaped).toBe(true);
    expect(result.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p><ul><li>a&amp;b</li><li>c</li></ul>0<hr>',
    );
  });

  it('replaces the five characters that can end a text node or a quoted attribute, and leaves other text, Chinese included, as it is', () => {
    expect(html`${`<a href="x" title='y'>&amp;</a>`}`.toString()).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(html`${'有条件共享 / Conditional · Person.idNumber'}`.toString()).toBe('有条件共享 / Conditional · Person.idNumber');
  });

  it('refuses a promise rather than render a page that is not finished', () => {
    expect(() => html`${Promise.resolve('x')}`).toThrow(TypeError);
  });
});
