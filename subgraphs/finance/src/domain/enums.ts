/** Finance's enumerations, as in its schema.graphql. */
export const FUNDING_FORMS = ['FULL', 'PARTIAL', 'SELF_FUNDED'] as const;
