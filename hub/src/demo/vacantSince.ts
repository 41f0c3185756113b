import { addMonths } from '@hub/schema';
import { addDays, TODAY } from './dates.ts';

/** FNV-1a over the text: a stable number per quota that draws nothing from the city's random stream. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * 空编起始日 of a demo quota with vacancies: between a few days and two years before TODAY, so about
 * half of the city's vacancies are idle for a year or more (the idle-vacancy list is not empty). It
 * comes from the quota's key, not the seeded random stream, so every other row of the city stays
 * as it was.
 */
export function demoVacantSince(creditCode: string, category: string): string {
  const h = fnv1a(`${creditCode}/${category}`);
  return addDays(addMonths(TODAY, -(h % 24)), -((h >>> 8) % 28));
}
