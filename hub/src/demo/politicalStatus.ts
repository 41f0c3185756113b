import type { Random } from './random.ts';

/** 政治面貌 as the ledger records it. */
export function randomPoliticalStatus(rng: Random, organ: boolean, age: number): string {
  const member = organ ? 0.74 : 0.42;
  const league = age < 28 ? (organ ? 0.18 : 0.3) : 0;
  const democratic = organ ? 0.015 : 0.05;
  return rng.weighted([
    ['中共党员', member],
    ['共青团员', league],
    ['民主党派', democratic],
    ['群众', Math.max(0.05, 1 - member - league - democratic)],
  ] as const);
}
