import { SERVICE_SUBGRAPHS } from '@hub/schema/contracts';

/**
 * `pnpm start:office <organization|staffing|hr|finance>`: one office's subgraph as a service of its
 * own, exactly as its package's index.ts starts it (README, "Running as separate services").
 */
const names: string[] = SERVICE_SUBGRAPHS.filter((s) => s.name !== 'catalog').map((s) => s.name);
const name = process.argv[2];
if (!name || !names.includes(name)) {
  console.error(`用法 / usage: pnpm start:office <${names.join('|')}>${name ? `（没有名为 "${name}" 的部门 / no office "${name}"）` : ''}`);
  process.exit(2);
}
await import(`../../subgraphs/${name}/src/index.ts`);
