export { OFFICE_LABELS, REQUEST_STATUS_LABELS, SHARE_TYPE_LABELS, STATUS_LABELS, UPDATE_CYCLE_LABELS, officeLabel } from '../../catalog/labels.ts';

/** 所属系统. */
export const SYSTEM_LABELS: Record<string, string> = {
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
/** 机构类别. */
export const KIND_LABELS: Record<string, string> = {
  PARTY_ORGAN: '党委机关',
  GOVERNMENT_ORGAN: '政府机关',
  PUBLIC_INSTITUTION: '事业单位',
  MASS_ORGANIZATION: '群团机关',
};
/** 机构层级. */
export const LEVEL_LABELS: Record<string, string> = { CITY: '市直', DISTRICT: '县区', TOWNSHIP: '乡镇（街道）' };
/** 经费形式. */
export const FUNDING_LABELS: Record<string, string> = { FULL: '全额拨款', PARTIAL: '差额拨款', SELF_FUNDED: '自收自支' };
/** 编制类别. */
export const QUOTA_LABELS: Record<string, string> = {
  ADMINISTRATIVE: '行政编制',
  POLITICAL_LEGAL: '政法专项编制',
  PUBLIC_SERVICE: '事业编制',
  WORKER: '工勤编制',
};
/** 用工类型. */
export const EMPLOYMENT_LABELS: Record<string, string> = { IN_QUOTA: '在编', PERSONNEL_AGENCY: '人事代理', LABOR_DISPATCH: '劳务派遣', TEMPORARY: '临聘' };
/** 角色. */
export const ROLE_LABELS: Record<string, string> = {
  LEADER: '负责人',
  OPERATOR: '操作员',
  REVIEWER: '审核员',
  SECURITY_OFFICER: '保密员',
  COORDINATOR: '协调小组成员',
  AUDITOR: '审计/纪检',
  UNIT_OPERATOR: '用人单位填报员',
};
/** A code as its label; an unknown code stays as it is. */
export const label = (labels: Record<string, string>, code: string): string => labels[code] ?? code;
