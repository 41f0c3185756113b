/**
 * A share in percent with one decimal, rounded half up (四舍五入), never truncated: 1 of 16 is 6.25%,
 * shown 6.3. Integer arithmetic (tenths of a percent = ⌊(2000·count + base) / (2·base)⌋), so no binary
 * fraction turns 6.25 into 6.2499…; 0 when the base is empty.
 */
export function sharePercent(count: number, base: number): number {
  if (base <= 0) return 0;
  return Math.floor((2000 * count + base) / (2 * base)) / 10;
}
