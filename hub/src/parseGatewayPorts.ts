import { ConfigError, portNumber } from '@hub/schema';

/**
 * GATEWAY_PORTS: where `pnpm start:multi` runs its gateways, one process per port (`4000,4010`).
 * Unset: one gateway at PORT. Ports given twice, or 0 (each gateway needs a known address for its
 * load balancer), are refused.
 */
export function parseGatewayPorts(raw: string | undefined, port: number): readonly number[] {
  const text = raw?.trim() ?? '';
  if (text === '') return Object.freeze([port]);
  const ports = text.split(',').map((part) => {
    const parsed = portNumber.safeParse(part);
    if (!parsed.success || parsed.data === 0)
      throw new ConfigError(
        'GATEWAY_PORTS',
        `无法识别 "${part}"（应为 端口,端口,…，端口 1–65535）`,
        `cannot read "${part}" (expected port,port,…; ports 1–65535)`,
      );
    return parsed.data;
  });
  const twice = ports.find((p, i) => ports.indexOf(p) !== i);
  if (twice !== undefined) throw new ConfigError('GATEWAY_PORTS', `端口 ${twice} 出现了两次`, `port ${twice} is given twice`);
  return Object.freeze(ports);
}
