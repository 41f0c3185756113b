import { describe, expect, it } from 'vitest';
import { stopFromMonth, stopPayNoticeNumber, waitingSeconds } from './stopPayNotice.ts';

describe('stop-pay notices', () => {
  it('stop pay from the month after the effective date, over the turn of the year too', () => {
    expect(['2026-11-01', '2026-11-30', '2026-12-31', '2024-02-29'].map(stopFromMonth)).toEqual(['2026-12', '2026-12', '2027-01', '2024-03']);
  });

  it('are numbered 停拨〔year〕serial号 with a five-digit serial', () => {
    expect([stopPayNoticeNumber(2026, 1), stopPayNoticeNumber(2027, 12345)]).toEqual(['停拨〔2026〕00001号', '停拨〔2027〕12345号']);
  });

  it('count their wait in whole seconds until delivered', () => {
    const issued = new Date('2026-11-20T02:00:00Z');
    expect(waitingSeconds(issued, null, new Date('2026-11-20T02:01:30.900Z'))).toBe(90);
    expect(waitingSeconds(issued, new Date('2026-11-20T02:00:01Z'), new Date('2026-11-20T03:00:00Z'))).toBeNull();
    expect(waitingSeconds(issued, null, new Date('2026-11-20T01:59:00Z'))).toBe(0);
  });
});
