/**
 * The annual structure report's query (年度结构报告): the Staffing Office's scopes of the budget-paid
 * staff, and for each HR's structure of its in-quota staff by age, gender, education and title level
 * (专业技术职称, the report's speciality structure). The printable page asks the same.
 */
export const STRUCTURE_REPORT_QUERY = `query StructureReport($year: Int, $asOf: Date) {
  structureReport(year: $year, asOf: $asOf) {
    year asOf title
    scopes {
      id label
      age: structure(dimension: AGE_BAND, base: IN_QUOTA_STAFF, asOf: $asOf) { ...Table }
      gender: structure(dimension: GENDER, base: IN_QUOTA_STAFF, asOf: $asOf) { ...Table }
      education: structure(dimension: EDUCATION, base: IN_QUOTA_STAFF, asOf: $asOf) { ...Table }
      title: structure(dimension: TITLE_LEVEL, base: IN_QUOTA_STAFF, asOf: $asOf) { ...Table }
    }
  }
}
fragment Table on StructureBreakdown { asOf baseCount cells { value label count share } }`;

/** The report's tables, in order: the answer's alias, the sheet's name, its columns (value and label). */
export const REPORT_TABLES = [
  {
    alias: 'age',
    sheet: '年龄结构',
    columns: [
      ['AGE_30_OR_UNDER', '30岁及以下'],
      ['AGE_31_35', '31-35岁'],
      ['AGE_36_40', '36-40岁'],
      ['AGE_41_45', '41-45岁'],
      ['AGE_46_50', '46-50岁'],
      ['AGE_51_55', '51-55岁'],
      ['AGE_56_60', '56-60岁'],
      ['AGE_61_OR_OVER', '61岁及以上'],
    ],
  },
  {
    alias: 'gender',
    sheet: '性别结构',
    columns: [
      ['MALE', '男'],
      ['FEMALE', '女'],
    ],
  },
  {
    alias: 'education',
    sheet: '学历结构',
    columns: [
      ['POSTGRADUATE', '研究生'],
      ['UNDERGRADUATE', '大学本科'],
      ['JUNIOR_COLLEGE', '大学专科'],
      ['SECONDARY_VOCATIONAL', '中专'],
      ['HIGH_SCHOOL_OR_BELOW', '高中及以下'],
      ['UNKNOWN', '未登记'],
    ],
  },
  {
    alias: 'title',
    sheet: '专业技术职称结构',
    columns: [
      ['SENIOR', '正高级'],
      ['ASSOCIATE_SENIOR', '副高级'],
      ['INTERMEDIATE', '中级'],
      ['JUNIOR', '初级'],
      ['UNKNOWN', '无职称'],
    ],
  },
] as const;
