import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { config, TYPED_SUBGRAPHS } from './codegen.ts';
import { SUBGRAPHS } from './schema/src/contracts/subgraphs.ts';

const ROOT = dirname(fileURLToPath(import.meta.url));

describe('generated resolver types', () => {
  it('are current: every committed file equals a fresh run of codegen (run `pnpm codegen`)', async () => {
    // Outside watch mode generate() answers the files it would write; its declared type says `any` too.
    const fresh: { filename: string; content: string }[] = await generate({ ...config, silent: true }, false);
    expect(fresh.map((f) => f.filename).sort()).toEqual(Object.keys(config.generates).sort());
    expect(fresh.length).toBe(2 * TYPED_SUBGRAPHS.length);
    for (const file of fresh) expect(readFileSync(`${ROOT}/${file.filename}`, 'utf8'), file.filename).toBe(file.content);
  });

  it('cover every subgraph of the graph', () => {
    expect(TYPED_SUBGRAPHS.map((s) => s.name)).toEqual(SUBGRAPHS.map((s) => s.name));
  });
});
