import type { DatabaseLocation } from '@hub/schema';
import type { OfficeName } from '@hub/schema/contracts';
import type { City } from './demo/types.ts';
import { OFFICES } from './startHub.ts';

export interface SeedReport {
  /** Offices whose empty database received the demo city now. */
  loaded: OfficeName[];
  /** Offices that already held data (left as they were). */
  kept: OfficeName[];
}

/**
 * The seed step of a multi-process deployment: each office's own database migrated (under the
 * advisory lock the services take too) and, when it holds no data yet, loaded with its share of the
 * demo city, in one transaction per office. Running it again changes nothing, so it can run before
 * every start; the city is generated once, and only if some office needs it.
 */
export async function seedOffices(
  databases: Record<OfficeName, DatabaseLocation>,
  city: () => City,
  progress: (message: string) => void = () => {},
): Promise<SeedReport> {
  let generated: City | undefined;
  const report: SeedReport = { loaded: [], kept: [] };
  for (const office of OFFICES) {
    const name = office.name as OfficeName;
    const database = await office.openDatabase(databases[name]);
    try {
      await database.migrate();
      if (!(await office.isEmpty(database.db))) {
        report.kept.push(name);
        continue;
      }
      if (!generated) {
        progress('生成演示数据 / generating demo data …');
        generated = city();
      }
      progress(`载入演示数据 / loading demo data into ${name} …`);
      await office.seed(database.db, generated[name]);
      await database.analyze();
      report.loaded.push(name);
    } finally {
      await database.close();
    }
  }
  return report;
}
