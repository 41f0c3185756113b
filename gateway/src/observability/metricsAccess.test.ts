import { describe, expect, it } from 'vitest';
import { metricsAccess } from './metricsAccess.ts';

const TOKEN = 'k7Jq2-metrics-token';
const from = (remoteAddress: string | undefined, headers: Record<string, string> = {}) => ({ remoteAddress, headers });

describe('metricsAccess', () => {
  it('refuses a caller not on this machine without the token, with or without a token configured', () => {
    for (const address of ['203.0.113.7', '10.1.2.3', '192.168.0.5', '::ffff:198.51.100.1', '2001:db8::1', undefined]) {
      expect(metricsAccess(from(address), TOKEN)).toEqual({ allowed: false, reason: 'METRICS_TOKEN_REQUIRED' });
      expect(metricsAccess(from(address), undefined)).toEqual({ allowed: false, reason: 'METRICS_TOKEN_REQUIRED' });
    }
  });

  it('lets a caller anywhere in with the configured token', () => {
    expect(metricsAccess(from('203.0.113.7', { authorization: `Bearer ${TOKEN}` }), TOKEN)).toEqual({ allowed: true, via: 'token' });
    expect(metricsAccess(from('203.0.113.7', { authorization: `bearer ${TOKEN}` }), TOKEN)).toEqual({ allowed: true, via: 'token' });
  });

  it('refuses a wrong token, a token when none is configured, and another scheme, even from loopback', () => {
    for (const authorization of [`Bearer ${TOKEN}x`, 'Bearer k7Jq2', `Basic ${TOKEN}`, 'Bearer', `Bearer ${TOKEN.toUpperCase()}`]) {
      expect(metricsAccess(from('127.0.0.1', { authorization }), TOKEN)).toEqual({ allowed: false, reason: 'METRICS_TOKEN_INVALID' });
    }
    expect(metricsAccess(from('127.0.0.1', { authorization: `Bearer ${TOKEN}` }), undefined)).toEqual({ allowed: false, reason: 'METRICS_TOKEN_INVALID' });
  });

  it('lets a loopback caller in without a token, unless a proxy forwarded the request', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(metricsAccess(from(address), undefined)).toEqual({ allowed: true, via: 'loopback' });
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip'])
      expect(metricsAccess(from('127.0.0.1', { [header]: '203.0.113.7' }), TOKEN)).toEqual({ allowed: false, reason: 'METRICS_TOKEN_REQUIRED' });
  });
});
