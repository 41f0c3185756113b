import { describe, expect, it } from 'vitest';
import { html, SafeHtml } from './html.ts';

describe('html', () => {
  it('escapes every interpolated value, inserts SafeHtml as it is, joins arrays and drops null, undefined and false', () => {
    const name = '<script>alert("x")</script>';
    const rows = ['a&b', 'c'].map((v) => html`<li>${v}</li>`);
    const result = html`<p title="${name}">${name}</p><ul>${rows}</ul>${null}${undefined}${false && html`<b>no</b>`}${0}`;
    expect(result).toBeInstanceOf(SafeHtml);
    expect(result.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p><ul><li>a&amp;b</li><li>c</li></ul>0',
    );
  });
});
