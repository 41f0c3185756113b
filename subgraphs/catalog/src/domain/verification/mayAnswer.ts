import { type Viewer, WRITER_ROLES } from '@hub/schema';

/** The office that must act answers a finding, through its leaders, reviewers and operators. */
export const mayAnswer = (viewer: Viewer, mustAct: string): boolean => viewer.office === mustAct && WRITER_ROLES.has(viewer.role);
