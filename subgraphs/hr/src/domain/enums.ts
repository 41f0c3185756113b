/** HR's enumerations, as in its schema.graphql (DESIGN §6). */
export const EMPLOYMENT_TYPES = ['IN_QUOTA', 'PERSONNEL_AGENCY', 'LABOR_DISPATCH', 'TEMPORARY'] as const;
export const EDUCATIONS = ['POSTGRADUATE', 'UNDERGRADUATE', 'JUNIOR_COLLEGE', 'SECONDARY_VOCATIONAL', 'HIGH_SCHOOL_OR_BELOW'] as const;
export const DEGREES = ['DOCTOR', 'MASTER', 'BACHELOR', 'NONE'] as const;
export const TITLE_LEVELS = ['SENIOR', 'ASSOCIATE_SENIOR', 'INTERMEDIATE', 'JUNIOR'] as const;
export const PENSION_ACCOUNTS = ['PUBLIC_INSTITUTION', 'ENTERPRISE'] as const;

export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
