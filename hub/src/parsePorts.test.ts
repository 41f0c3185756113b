import { SERVICE_SUBGRAPHS } from '@hub/schema/contracts';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/schema';
import { parsePort, parseSubgraphPorts } from './parsePorts.ts';

const DEFAULTS = Object.fromEntries(SERVICE_SUBGRAPHS.map((s) => [s.name, s.port]));

/** The ConfigError a call throws (fails the test when it throws none or another kind). */
function refusal(call: () => unknown): ConfigError {
  try {
    call();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parsePort', () => {
  it('reads 0–65535, and falls back when unset or blank', () => {
    expect(parsePort('PORT', undefined, 4000)).toBe(4000);
    expect(parsePort('PORT', ' ', 4000)).toBe(4000);
    expect(parsePort('PORT', '0', 4000)).toBe(0);
    expect(parsePort('PORT', '4100', 4000)).toBe(4100);
    expect(parsePort('PORT', '65535', 4000)).toBe(65535);
  });

  it.each(['65536', '-1', '4.5', 'abc', '0x10', '4000abc'])('refuses %j, naming the variable in both languages', (raw) => {
    const error = refusal(() => parsePort('PORT', raw, 4000));
    expect(error.variable).toBe('PORT');
    expect(error.message).toBe(`PORT: "${raw}" 不是端口号（应为 0–65535 的整数） / "${raw}" is not a port (a whole number 0–65535)`);
  });
});

describe('parseSubgraphPorts', () => {
  it('gives the defaults of schema/src/subgraphs.ts when unset, and free ports for all with 0', () => {
    expect(parseSubgraphPorts(undefined, 4000)).toEqual(DEFAULTS);
    expect(parseSubgraphPorts('', 4000)).toEqual(DEFAULTS);
    expect(parseSubgraphPorts('0', 4000)).toEqual({ organization: 0, staffing: 0, hr: 0, finance: 0, catalog: 0 });
  });

  it('sets the named subgraphs and keeps the others at their defaults', () => {
    expect(parseSubgraphPorts('organization=4101,staffing=4102,hr=4103,finance=4104,catalog=4105', 4100)).toEqual({
      organization: 4101,
      staffing: 4102,
      hr: 4103,
      finance: 4104,
      catalog: 4105,
    });
    expect(parseSubgraphPorts(' hr = 4203 , catalog=0', 4000)).toEqual({ ...DEFAULTS, hr: 4203, catalog: 0 });
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(parseSubgraphPorts('hr=4203', 4000))).toBe(true);
  });

  it.each(['payroll=4204', 'hr', 'hr=', 'hr=abc', 'hr=70000', 'hr=1=2', '1', 'hr=4203,,finance=4204'])(
    'refuses %j with the expected format in both languages',
    (raw) => {
      const error = refusal(() => parseSubgraphPorts(raw, 4000));
      expect(error.variable).toBe('SUBGRAPH_PORTS');
      expect(error.message).toMatch(
        /^SUBGRAPH_PORTS: 无法识别 ".*"，应为 0（全部使用空闲端口），或 名称=端口,…（名称为 organization、staffing、hr、finance、catalog，端口 0–65535） \/ cannot read ".*", expected 0 \(free ports for all\), or name=port,… \(names organization, staffing, hr, finance, catalog; ports 0–65535\)$/,
      );
    },
  );

  it('refuses a subgraph named twice', () => {
    expect(refusal(() => parseSubgraphPorts('hr=4203,hr=4204', 4000)).message).toBe('SUBGRAPH_PORTS: hr 出现了两次 / hr is given twice');
  });

  it('refuses one port for two servers, the gateway included, but lets any number share 0', () => {
    expect(refusal(() => parseSubgraphPorts('hr=4203,finance=4203', 4000)).message).toBe(
      'SUBGRAPH_PORTS: 端口 4203 同时分给了 hr 和 finance / port 4203 is given to both hr and finance',
    );
    expect(refusal(() => parseSubgraphPorts('catalog=4100', 4100)).message).toBe(
      'SUBGRAPH_PORTS: 端口 4100 同时分给了 网关 (PORT) 和 catalog / port 4100 is given to both the gateway (PORT) and catalog',
    );
    // A default port collides too: PORT=4003 with hr left at its default.
    expect(refusal(() => parseSubgraphPorts(undefined, 4003)).message).toContain('port 4003 is given to both the gateway (PORT) and hr');
    expect(parseSubgraphPorts('0', 0)).toEqual({ organization: 0, staffing: 0, hr: 0, finance: 0, catalog: 0 });
  });
});
