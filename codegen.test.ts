import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { config, TYPED_SUBGRAPHS } from './codegen.ts';

const ROOT = dirname(fileURLToPath(import.meta.url));

describe('generated resolver types', () => {
  it('are current: every committed file equals a fresh run of codegen (run `pnpm codegen`)', async () => {
    // Outside watch mode generate() answers the files it would write; its declared type says `any` too.
    const fresh: { filename: string; content: string }[] = await generate({ ...config, silent: true }, false);
    expect(fresh.map((f) => f.filename).sort()).toEqual(
      TYPED_SUBGRAPHS.flatMap((s) => ['enums', 'resolvers'].map((file) => `${dirname(s.sdl)}/src/generated/${file}.ts`)).sort(),
    );
    for (const file of fresh) expect(readFileSync(`${ROOT}/${file.filename}`, 'utf8'), file.filename).toBe(file.content);
  });

  it('cover every office', () => {
    expect(TYPED_SUBGRAPHS.map((s) => s.name)).toEqual(expect.arrayContaining(['organization', 'staffing', 'hr', 'finance']));
  });
});
