const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * A span of time as people write it for a token (`90s`, `15m`, `8h`, `1d`; a bare number is seconds;
 * `-10s` is in the past) in whole seconds, or undefined when it is not one. jose reads such strings
 * itself but only against the machine's clock; the gateway signs and checks on its own clock (`now`).
 */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(-?\d{1,9})\s*([smhd]?)\s*$/i.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()]!;
}
