import { officeImportRoutes } from '@hub/schema';
import type { FinanceDb } from '../db/queries.ts';
import { importJobs } from '../db/schema.ts';
import { budgetUnitsImporter } from './budgetUnitsImporter.ts';
import { payrollImporter } from './payrollImporter.ts';

/** Finance's spreadsheet kinds (README, "Loading records from spreadsheets"). */
export const importers = [budgetUnitsImporter, payrollImporter];

/** The office's import endpoints (OfficeSubgraph.routes). */
export const importRoutes = (db: FinanceDb, now: () => Date) => officeImportRoutes({ office: 'finance', table: importJobs, importers }, db, now);
