import { readFileSync } from 'node:fs';
import {
  checkAgainstIdNumber,
  countColumn,
  creditCodeColumn,
  dateColumn,
  enumColumn,
  enumLabels,
  idNumberColumn,
  monthColumn,
  optional,
  defineSheet,
  textColumn,
} from '@hub/schema';
import type { AdminLevel, FundingForm, Gender, InstitutionKind, InstitutionSystem, QuotaCategory } from '../generated/enums.ts';

/** The office's SDL: its enumerations' descriptions are the Chinese words the sheets use. */
const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
const labels = <T extends string>(name: string) => enumLabels<T>(sdl, name);

/** 机构编制 (institutions with their approved quotas and leadership posts), one row per institution. */
export const institutionsSheet = defineSheet({
  office: 'staffing',
  kind: 'institutions',
  title: '机构编制',
  columns: {
    creditCode: creditCodeColumn('统一社会信用代码', ['单位统一社会信用代码']),
    name: textColumn('机构名称', { maxLength: 100, aliases: ['单位名称'], example: '城关镇农业服务中心' }),
    kind: enumColumn('机构类别', labels<InstitutionKind>('InstitutionKind'), {
      aliases: { 党委: '党委机关', 政府: '政府机关', 事业: '事业单位', 群团: '群团机关' },
    }),
    level: enumColumn('机构层级', labels<AdminLevel>('AdminLevel'), {
      aliases: { 乡镇: '乡镇（街道）', 街道: '乡镇（街道）', 县区: '县区', 县: '县区', 区: '县区' },
    }),
    system: enumColumn('所属系统', labels<InstitutionSystem>('InstitutionSystem')),
    fundingForm: enumColumn('经费形式', labels<FundingForm>('FundingForm'), { aliases: { 全额: '全额拨款', 差额: '差额拨款', 自收: '自收自支' } }),
    parentCreditCode: optional(creditCodeColumn('上级机构统一社会信用代码', ['主管部门统一社会信用代码'])),
    leadershipPostsApproved: countColumn('领导职数', '2', ['核定领导职数']),
    ADMINISTRATIVE: optional(countColumn('行政编制', '0')),
    POLITICAL_LEGAL: optional(countColumn('政法专项编制', '0')),
    PUBLIC_SERVICE: optional(countColumn('事业编制', '8')),
    WORKER: optional(countColumn('工勤编制', '1')),
  },
  uniqueBy: ['creditCode'],
});

/** The quota categories, as the institutions sheet has one column each. */
export const QUOTA_COLUMNS = ['ADMINISTRATIVE', 'POLITICAL_LEGAL', 'PUBLIC_SERVICE', 'WORKER'] as const satisfies readonly QuotaCategory[];

const GENDERS = labels<Gender>('Gender');

/** 实名制台账: a unit's in-quota persons, the ten ledger items with ID number, quota category and card number. */
export const ledgerSheet = defineSheet({
  office: 'staffing',
  kind: 'ledger',
  title: '实名制台账',
  columns: {
    institutionCreditCode: creditCodeColumn('单位统一社会信用代码', ['统一社会信用代码']),
    institutionName: optional(textColumn('单位名称', { maxLength: 100, example: '城关镇农业服务中心', note: '单位名称（仅核对，以信用代码为准）' })),
    name: textColumn('姓名', { maxLength: 64, example: '王光国' }),
    idNumber: idNumberColumn(),
    gender: optional(enumColumn('性别', GENDERS)),
    ethnicity: textColumn('民族', { maxLength: 32, example: '汉族' }),
    nativePlace: textColumn('籍贯', { maxLength: 64, example: '河南郑州' }),
    birthMonth: optional(monthColumn('出生年月', '1990-03')),
    politicalStatus: textColumn('政治面貌', { maxLength: 32, example: '中共党员' }),
    post: textColumn('职务（职称）', { maxLength: 64, aliases: ['职务', '职务(职称)'], example: '科员' }),
    workStartDate: dateColumn('参加工作时间', { monthAllowed: true, example: '2012-07-01' }),
    unitJoinDate: dateColumn('调入单位时间', { monthAllowed: true, example: '2015-03-01' }),
    quotaCategory: enumColumn('编制类别', labels<QuotaCategory>('QuotaCategory'), {
      aliases: { 行政: '行政编制', 政法: '政法专项编制', 事业: '事业编制', 工勤: '工勤编制' },
    }),
    staffingCardNumber: optional(textColumn('编制卡号', { maxLength: 32, example: 'BZ410102010950' })),
  },
  uniqueBy: ['idNumber'],
  checkRow(row, { today }) {
    const drafts = checkAgainstIdNumber(
      { idNumber: row.idNumber, gender: row.gender, birth: row.birthMonth },
      { gender: 'gender', birth: 'birthMonth' },
      today,
    );
    if (row.unitJoinDate < row.workStartDate)
      drafts.push({ severity: 'ERROR', column: 'unitJoinDate', zh: '调入单位时间早于参加工作时间', en: 'joined the unit before starting work' });
    return drafts;
  },
});
