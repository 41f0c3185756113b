/** The Organization Department's enumerations, as in its schema.graphql. */
export const RANKS = ['DEPUTY_BUREAU', 'DIVISION', 'DEPUTY_DIVISION', 'SECTION', 'DEPUTY_SECTION', 'PRINCIPAL_STAFF', 'STAFF'] as const;
