import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from './compose.ts';
import { SUPERGRAPH_PATH } from './paths.ts';

describe('supergraph', () => {
  const { supergraphSdl, hints } = composeSupergraph();

  it('is current: the committed file equals a fresh composition (run `pnpm compose`)', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(supergraphSdl);
  });

  it('composes without hints (inconsistent descriptions, enums or shareable types)', () => {
    expect(hints.map((h) => `${h.definition.code}: ${h.message}`)).toEqual([]);
  });

  it('has the shared entities keyed as the design says', () => {
    expect(supergraphSdl).toMatch(/type Person\s[^{]*@join__type\(graph: HR, key: "idNumber"\)/);
    expect(supergraphSdl).toMatch(/type Institution\s[^{]*@join__type\(graph: STAFFING, key: "creditCode"\)/);
  });
});
