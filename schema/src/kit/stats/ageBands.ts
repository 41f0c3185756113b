/**
 * 年龄段 / The age bands of every structure statistic, in exact completed years (周岁) on the day asked
 * (`asOf`): 30 and under, then five-year bands 31–35 … 56–60, then 61 and over. The boundaries fall
 * where the alerts look: "over 50" (人员老化) is 51 and over, the bands from AGE_51_55 on. Written once
 * here so that HR's and the Staffing Office's SQL and the report agree.
 */
export const AGE_BANDS = [
  { value: 'AGE_30_OR_UNDER', label: '30岁及以下', from: 0, to: 30 },
  { value: 'AGE_31_35', label: '31-35岁', from: 31, to: 35 },
  { value: 'AGE_36_40', label: '36-40岁', from: 36, to: 40 },
  { value: 'AGE_41_45', label: '41-45岁', from: 41, to: 45 },
  { value: 'AGE_46_50', label: '46-50岁', from: 46, to: 50 },
  { value: 'AGE_51_55', label: '51-55岁', from: 51, to: 55 },
  { value: 'AGE_56_60', label: '56-60岁', from: 56, to: 60 },
  { value: 'AGE_61_OR_OVER', label: '61岁及以上', from: 61, to: Number.POSITIVE_INFINITY },
] as const;

export type AgeBand = (typeof AGE_BANDS)[number]['value'];

/** The age from which a person counts as "over 50" for the ageing alert. */
export const AGEING_FROM_AGE = 51;
