import { config } from './config.ts';
import { generateCity } from './demo/generateCity.ts';
import { seedOffices } from './seedOffices.ts';

/** `pnpm run seed`: migrates each office's database and loads the demo city into those still empty (README, "Running as separate services"). */
const report = await seedOffices(
  config.databases,
  () => generateCity(config.demoSize),
  (m) => console.log(`  ${m}`),
);
console.log(`演示数据 / demo data: 已载入 loaded [${report.loaded.join(', ')}]，已有数据未改动 kept [${report.kept.join(', ')}]`);
