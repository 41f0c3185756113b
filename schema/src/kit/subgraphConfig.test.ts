import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readEnv, setting } from './readEnv.ts';
import { readSubgraphConfig } from './subgraphConfig.ts';

describe('readSubgraphConfig', () => {
  it('defaults to the office port, loopback, PGlite under DATA_DIR and a shared development key', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-config-'));
    const hr = readSubgraphConfig('hr', { DATA_DIR: dataDir });
    const finance = readSubgraphConfig('finance', { DATA_DIR: dataDir });
    expect(hr).toEqual({ port: 4003, host: '127.0.0.1', databaseUrl: undefined, dataDir: join(dataDir, 'hr'), maxConnections: 10, secret: hr.secret });
    expect(hr.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(finance.secret).toBe(hr.secret);
    expect(readFileSync(join(dataDir, 'keys', 'subgraph.key'), 'utf8').trim()).toBe(hr.secret);
  });

  it('takes the environment when given', () => {
    const config = readSubgraphConfig('staffing', {
      PORT: '5002',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://db/hub',
      SUBGRAPH_SECRET: 's3cret',
      DATA_DIR: '/srv/hub',
      DATABASE_MAX_CONNECTIONS: '3',
    });
    expect(config).toEqual({
      port: 5002,
      host: '0.0.0.0',
      databaseUrl: 'postgres://db/hub',
      dataDir: '/srv/hub/staffing',
      maxConnections: 3,
      secret: 's3cret',
    });
  });

  it('gives each office its own port and database when one environment serves them all', () => {
    const env = {
      PORT: '4000',
      STAFFING_PORT: '5002',
      DATABASE_URL: 'postgres://db/shared',
      STAFFING_DATABASE_URL: 'postgres://db/staffing',
      SUBGRAPH_SECRET: 's3cret',
      DATA_DIR: '/srv/hub',
    };
    expect(readSubgraphConfig('staffing', env)).toMatchObject({ port: 5002, databaseUrl: 'postgres://db/staffing' });
    expect(readSubgraphConfig('hr', env)).toMatchObject({ port: 4000, databaseUrl: 'postgres://db/shared' });
    expect(() => readSubgraphConfig('hr', { ...env, HR_PORT: 'x' })).toThrow(ConfigError);
  });

  it('reads a blank value as unset, and refuses a bad PORT naming it in both languages', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-config-'));
    expect(readSubgraphConfig('hr', { DATA_DIR: dataDir, PORT: ' ', HOST: '', DATABASE_URL: '' })).toMatchObject({
      port: 4003,
      host: '127.0.0.1',
      databaseUrl: undefined,
    });
    expect(() => readSubgraphConfig('hr', { DATA_DIR: dataDir, PORT: '4.5' })).toThrow(
      new ConfigError('PORT', '"4.5" 不是端口号（应为 0–65535 的整数）', '"4.5" is not a port (a whole number 0–65535)'),
    );
  });
});

describe('readEnv', () => {
  it('returns the values frozen, and names the first refused variable with its message in both languages', () => {
    const settings = { DEMO_DATA: setting.flag(true), PORT: setting.port(4000), NAME: setting.text('x') };
    const values = readEnv(settings, { DEMO_DATA: ' FALSE ', PORT: '0', OTHER: 'ignored' });
    expect(values).toEqual({ DEMO_DATA: false, PORT: 0, NAME: 'x' });
    expect(Object.isFrozen(values)).toBe(true);
    let error: unknown;
    try {
      readEnv(settings, { DEMO_DATA: 'yes', PORT: '70000' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('DEMO_DATA');
    expect((error as ConfigError).message).toBe('DEMO_DATA: "yes" 应为 true 或 false / "yes" should be true or false');
  });

  it('reads a duration as ms writes it, and refuses what is not one', () => {
    const settings = { TTL: setting.duration(86_400_000) };
    expect(readEnv(settings, {})).toEqual({ TTL: 86_400_000 });
    expect(readEnv(settings, { TTL: ' 30m ' })).toEqual({ TTL: 1_800_000 });
    expect(readEnv(settings, { TTL: '2d' })).toEqual({ TTL: 172_800_000 });
    expect(readEnv(settings, { TTL: '1500' })).toEqual({ TTL: 1500 });
    for (const bad of ['soon', '0', '-5m', '0.5ms']) expect(() => readEnv(settings, { TTL: bad }), bad).toThrow(ConfigError);
    expect(() => readEnv(settings, { TTL: 'soon' })).toThrow(
      'TTL: "soon" 应为时长，如 24h、30m、90s / "soon" should be a length of time such as 24h, 30m or 90s',
    );
  });
});
