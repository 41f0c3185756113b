import { afterAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, testConfig, type FreshDatabase } from '@hub/schema/testing';
import postgres from 'postgres';
import { SERVICES } from '@hub/launcher';
import { readFileSync } from 'node:fs';

/** The Staffing Office's committed migrations, as drizzle-kit's journal lists them. */
const staffingMigrations = (
  JSON.parse(readFileSync(new URL('../subgraphs/staffing/drizzle/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] }
).entries.length;

/**
 * Several subgraph processes may start at once against one server; drizzle's migrate() takes no lock
 * of its own, so the hub's advisory lock must keep them from colliding.
 */
describe('migrations', () => {
  let fresh: FreshDatabase | undefined;
  afterAll(() => fresh?.drop());

  it('run safely when every office and the catalog migrate twice at the same moment, and leave each its own schema', async () => {
    fresh = testConfig.databaseUrl ? await createFreshDatabase(testConfig.databaseUrl) : undefined;
    // On PGlite each office has its own instance; two concurrent migrate() calls share its one connection.
    const handles = await Promise.all(
      SERVICES.map(async (office) => {
        const first = await office.openDatabase({ url: fresh?.url });
        const second = fresh ? await office.openDatabase({ url: fresh.url }) : first;
        return { office, first, second };
      }),
    );
    try {
      await Promise.all(handles.flatMap((h) => [h.first.migrate(), h.second.migrate()]));
      for (const h of handles) await expect(h.office.isEmpty(h.first.db)).resolves.toBe(true);
      if (fresh) {
        const sql = postgres(fresh.url, { max: 1 });
        const schemas =
          await sql`select schema_name from information_schema.schemata where schema_name in ('organization','staffing','hr','finance','catalog') order by 1`;
        const applied = await sql`select count(*)::int as n from drizzle.staffing_migrations`;
        await sql.end();
        expect(schemas.map((r) => r.schema_name)).toEqual(['catalog', 'finance', 'hr', 'organization', 'staffing']);
        // Each migration once, however many processes ran it.
        expect(applied[0]!.n).toBe(staffingMigrations);
      }
    } finally {
      await Promise.all(handles.flatMap((h) => (h.first === h.second ? [h.first.close()] : [h.first.close(), h.second.close()])));
    }
  });
});
