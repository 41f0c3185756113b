/** Chinese labels of HR's enumerations in the structure statistics, in the schema's order (the order of a breakdown's cells). */
export const STATS_LABELS: Record<string, Record<string, string>> = {
  EDUCATION: {
    POSTGRADUATE: '研究生',
    UNDERGRADUATE: '大学本科',
    JUNIOR_COLLEGE: '大学专科',
    SECONDARY_VOCATIONAL: '中专',
    HIGH_SCHOOL_OR_BELOW: '高中及以下',
  },
  DEGREE: { DOCTOR: '博士', MASTER: '硕士', BACHELOR: '学士', NONE: '无' },
  TITLE_LEVEL: { SENIOR: '正高级', ASSOCIATE_SENIOR: '副高级', INTERMEDIATE: '中级', JUNIOR: '初级' },
  EMPLOYMENT_TYPE: { IN_QUOTA: '在编', PERSONNEL_AGENCY: '人事代理', LABOR_DISPATCH: '劳务派遣', TEMPORARY: '临聘' },
};
