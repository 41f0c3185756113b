import type { PageEntry as EntryRow, PageItem as ItemRow, PageRequest as RequestRow } from './types.ts';

/** The Chinese names of the offices, as the coordination group writes them. */
export const OFFICE_LABELS: Record<string, string> = {
  organization: '组织部',
  staffing: '编办',
  hr: '人社局',
  finance: '财政局',
  coordination: '协调小组',
};

/** 共享类型 (国发〔2016〕51号). */
export const SHARE_TYPE_LABELS: Record<EntryRow['shareType'], string> = {
  UNCONDITIONAL: '无条件共享',
  CONDITIONAL: '有条件共享',
  NOT_SHARED: '不予共享',
};

/** 更新周期. */
export const UPDATE_CYCLE_LABELS: Record<EntryRow['updateCycle'], string> = {
  REALTIME: '实时',
  DAILY: '每日',
  MONTHLY: '每月',
  QUARTERLY: '每季',
  YEARLY: '每年',
};

/** 状态 of an entry. */
export const STATUS_LABELS: Record<EntryRow['status'], string> = {
  DRAFT: '草稿',
  ACTIVE: '有效',
  DEPRECATED: '已废止',
};

/** 敏感程度 of an information item. */
export const SENSITIVITY_LABELS: Record<ItemRow['sensitivity'], string> = {
  LOW: '低',
  MEDIUM: '中',
  HIGH: '高',
};

/** 申请状态. */
export const REQUEST_STATUS_LABELS: Record<RequestRow['status'], string> = {
  PENDING: '待审批',
  APPROVED: '已批准',
  REFUSED: '已拒绝',
  WITHDRAWN: '已撤回',
};

/** The entry fields a version can change, named as on the detail page. */
export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  classification: '资源分类',
  summary: '摘要',
  format: '格式',
  shareType: '共享类型',
  shareConditions: '共享条件',
  shareMethod: '共享方式',
  open: '开放属性',
  updateCycle: '更新周期',
  relatedCodes: '关联资源',
  basis: '依据',
  maintainer: '维护单位',
  status: '状态',
};

/** An office code as its Chinese name; an office the page does not know keeps its code. */
export const officeLabel = (office: string): string => OFFICE_LABELS[office] ?? office;
export const openLabel = (open: boolean): string => (open ? '开放' : '不开放');
