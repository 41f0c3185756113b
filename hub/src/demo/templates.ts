import type { AdminLevel, FundingForm, InstitutionKind, InstitutionSystem } from './types.ts';

/** What kind of unit an institution is, for its size, staff titles and leadership posts. */
export type Role =
  | 'organ'
  | 'police'
  | 'lawOrgan'
  | 'mass'
  | 'mainHospital'
  | 'hospital'
  | 'healthCenter'
  | 'publicHealth'
  | 'highSchool'
  | 'primarySchool'
  | 'vocational'
  | 'agriTech'
  | 'engineering'
  | 'culture'
  | 'service'
  | 'townGov'
  | 'townParty'
  | 'townService';

/** One institution to create; `name` doubles as its key, `parent` names its competent department. */
export interface InstitutionTemplate {
  name: string;
  kind: InstitutionKind;
  system: InstitutionSystem;
  level: AdminLevel;
  role: Role;
  division: string;
  parent?: string;
  funding?: FundingForm;
}

type Fields = Omit<InstitutionTemplate, 'name' | 'level' | 'division'>;

/** Builders that fix the level and division code of one place. */
export function at(level: AdminLevel, division: string) {
  const make = (name: string, f: Fields): InstitutionTemplate => ({ name, level, division, ...f });
  return {
    party: (name: string, system: InstitutionSystem = 'PARTY_AFFAIRS', role: Role = 'organ') => make(name, { kind: 'PARTY_ORGAN', system, role }),
    gov: (name: string, system: InstitutionSystem, role: Role = 'organ') => make(name, { kind: 'GOVERNMENT_ORGAN', system, role }),
    mass: (name: string) => make(name, { kind: 'MASS_ORGANIZATION', system: 'MASS_ORGANIZATIONS', role: 'mass' }),
    pi: (name: string, system: InstitutionSystem, role: Role, parent: string, funding?: FundingForm) =>
      make(name, { kind: 'PUBLIC_INSTITUTION', system, role, parent, ...(funding ? { funding } : {}) }),
  };
}
