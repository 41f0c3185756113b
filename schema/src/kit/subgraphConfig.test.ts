import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSubgraphConfig } from './subgraphConfig.ts';

describe('readSubgraphConfig', () => {
  it('defaults to the office port, loopback, PGlite under DATA_DIR and a shared development key', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-config-'));
    const hr = readSubgraphConfig('hr', { DATA_DIR: dataDir });
    const finance = readSubgraphConfig('finance', { DATA_DIR: dataDir });
    expect(hr).toEqual({ port: 4003, host: '127.0.0.1', databaseUrl: undefined, dataDir: join(dataDir, 'hr'), secret: hr.secret });
    expect(hr.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(finance.secret).toBe(hr.secret);
    expect(readFileSync(join(dataDir, 'keys', 'subgraph.key'), 'utf8').trim()).toBe(hr.secret);
  });

  it('takes the environment when given', () => {
    const config = readSubgraphConfig('staffing', { PORT: '5002', HOST: '0.0.0.0', DATABASE_URL: 'postgres://db/hub', SUBGRAPH_SECRET: 's3cret', DATA_DIR: '/srv/hub' });
    expect(config).toEqual({ port: 5002, host: '0.0.0.0', databaseUrl: 'postgres://db/hub', dataDir: '/srv/hub/staffing', secret: 's3cret' });
  });
});
