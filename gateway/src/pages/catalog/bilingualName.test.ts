import { describe, expect, it } from 'vitest';
import { bilingualName } from './bilingualName.ts';

describe('bilingualName', () => {
  it('puts the English part of "中文 / English" on its own line, with or without a space before the slash', () => {
    expect(bilingualName('编制卡 / Staffing cards').toString()).toBe('编制卡<span class="en" lang="en">Staffing cards</span>');
    expect(bilingualName('机构登记（写入接口）/ Institution registration (write)').toString()).toBe(
      '机构登记（写入接口）<span class="en" lang="en">Institution registration (write)</span>',
    );
  });
  it('shows a name without that shape whole, escaped', () => {
    expect(bilingualName('<script>x</script>').toString()).toBe('&lt;script&gt;x&lt;/script&gt;');
    expect(bilingualName('工资/薪酬').toString()).toBe('工资/薪酬');
  });
});
