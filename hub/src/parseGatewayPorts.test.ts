import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/schema';
import { parseGatewayPorts } from './parseGatewayPorts.ts';

describe('parseGatewayPorts (GATEWAY_PORTS)', () => {
  it('one gateway at PORT when unset; one per listed port otherwise', () => {
    expect(parseGatewayPorts(undefined, 4000)).toEqual([4000]);
    expect(parseGatewayPorts(' ', 4000)).toEqual([4000]);
    expect(parseGatewayPorts('4000, 4010', 4000)).toEqual([4000, 4010]);
  });

  it('refuses a port that is not one, 0, and a port given twice, naming GATEWAY_PORTS', () => {
    for (const raw of ['4000,x', '0,4010', '4000,70000', '4000,4000']) expect(() => parseGatewayPorts(raw, 4000)).toThrow(ConfigError);
    expect(() => parseGatewayPorts('4000,4000', 4000)).toThrow('GATEWAY_PORTS: 端口 4000 出现了两次 / port 4000 is given twice');
  });
});
