import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url));

let bundle: Promise<Buffer> | undefined;

/**
 * The workbench's script, bundled from client/ by esbuild once per process on first use (about a tenth
 * of a second) and kept in memory: no build step before `pnpm start`, and nothing written to disk.
 * ECharts is not in it: the page loads the package's own prebuilt dist file beside it. esbuild itself
 * is loaded then too, not with the gateway.
 */
export function clientBundle(): Promise<Buffer> {
  bundle ??= import('esbuild')
    .then(({ build }) =>
      build({
        entryPoints: [ENTRY],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2022',
        charset: 'utf8',
        minify: false,
        legalComments: 'none',
        logLevel: 'silent',
      }),
    )
    .then(
      (result) => Buffer.from(result.outputFiles[0]!.contents),
      (error) => {
        bundle = undefined;
        throw error;
      },
    );
  return bundle;
}
