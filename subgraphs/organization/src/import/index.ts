import { officeImportRoutes } from '@hub/schema';
import type { OrganizationDb } from '../db/queries.ts';
import { importJobs } from '../db/schema.ts';
import { cadresImporter } from './cadresImporter.ts';

/** The Organization Department's spreadsheet kinds (README, "Loading records from spreadsheets"). */
export const importers = [cadresImporter];

/** The office's import endpoints (OfficeSubgraph.routes). */
export const importRoutes = (db: OrganizationDb, now: () => Date) => officeImportRoutes({ office: 'organization', table: importJobs, importers }, db, now);
