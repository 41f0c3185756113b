import type { AdminLevel, FundingForm, InstitutionKind, InstitutionSystem, QuotaCategory } from '../generated/enums.ts';

/** Chinese names of the scope conditions and the ledger's enumerations, in the schema's order (also their value lists). */
export const LEVEL_LABELS: Record<AdminLevel, string> = { CITY: '市直', DISTRICT: '县区', TOWNSHIP: '乡镇（街道）' };
export const KIND_LABELS: Record<InstitutionKind, string> = {
  PARTY_ORGAN: '党委机关',
  GOVERNMENT_ORGAN: '政府机关',
  PUBLIC_INSTITUTION: '事业单位',
  MASS_ORGANIZATION: '群团机关',
};
export const SYSTEM_LABELS: Record<InstitutionSystem, string> = {
  PARTY_AFFAIRS: '党务',
  GENERAL_AFFAIRS: '综合政务',
  POLITICS_AND_LAW: '政法',
  EDUCATION: '教育',
  HEALTH: '卫生健康',
  AGRICULTURE: '农业农村',
  NATURAL_RESOURCES: '自然资源',
  TRANSPORT: '交通运输',
  CULTURE_AND_TOURISM: '文化旅游',
  MARKET_REGULATION: '市场监管',
  CIVIL_AFFAIRS: '民政社保',
  MASS_ORGANIZATIONS: '群团',
};
export const FUNDING_LABELS: Record<FundingForm, string> = { FULL: '全额拨款', PARTIAL: '差额拨款', SELF_FUNDED: '自收自支' };
export const QUOTA_CATEGORY_LABELS: Record<QuotaCategory, string> = {
  ADMINISTRATIVE: '行政编制',
  POLITICAL_LEGAL: '政法专项编制',
  PUBLIC_SERVICE: '事业编制',
  WORKER: '工勤编制',
};
