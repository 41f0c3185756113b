import { DateTimeScalar } from '@hub/schema';
import type { Resolvers } from '../generated/resolvers.ts';
import { HiringApplication } from './HiringApplication.ts';
import { HiringApproval } from './HiringApproval.ts';
import { HiringApprovalUse } from './HiringApprovalUse.ts';
import { Institution } from './Institution.ts';
import { LedgerEntry } from './LedgerEntry.ts';
import { MonthlyRemovalReport } from './MonthlyRemovalReport.ts';
import { Mutation } from './Mutation.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';
import { QuotaMovement } from './QuotaMovement.ts';
import { Removal } from './Removal.ts';
import { StaffingCard } from './StaffingCard.ts';
import { StaffingCardEvent } from './StaffingCardEvent.ts';
import { StopPayNotice } from './StopPayNotice.ts';
import { UnitFreeze } from './UnitFreeze.ts';
import { UnreportedRemovalUnit } from './UnreportedRemovalUnit.ts';
import { Alert } from './Alert.ts';
import { StaffScope } from './StaffScope.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Institution,
  Person,
  LedgerEntry,
  StaffingCard,
  Removal,
  StaffingCardEvent,
  QuotaMovement,
  HiringApplication,
  HiringApproval,
  HiringApprovalUse,
  UnitFreeze,
  StopPayNotice,
  MonthlyRemovalReport,
  UnreportedRemovalUnit,
  StaffScope,
  Alert,
};
