import { officeImportRoutes } from '@hub/schema';
import type { HrDb } from '../db/queries.ts';
import { importJobs } from '../db/schema.ts';
import { rosterImporter } from './rosterImporter.ts';

/** HR's spreadsheet kinds (README, "Loading records from spreadsheets"). */
export const importers = [rosterImporter];

/** The office's import endpoints (OfficeSubgraph.routes). */
export const importRoutes = (db: HrDb, now: () => Date) => officeImportRoutes({ office: 'hr', table: importJobs, importers }, db, now);
