import { readFileSync } from 'node:fs';
import {
  checkAgainstIdNumber,
  creditCodeColumn,
  dateColumn,
  defineSheet,
  enumColumn,
  enumLabels,
  idNumberColumn,
  optional,
  textColumn,
  yesNoColumn,
} from '@hub/schema';
import type { Degree, Education, EmploymentType, Gender, PensionAccount, TitleLevel } from '../generated/enums.ts';

/** The office's SDL: its enumerations' descriptions are the Chinese words the sheet uses. */
const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
const labels = <T extends string>(name: string) => enumLabels<T>(sdl, name);

/** 人员花名册: everyone working in a unit, in quota or not, with identity, qualifications and insurance. */
export const rosterSheet = defineSheet({
  office: 'hr',
  kind: 'roster',
  title: '人员花名册',
  columns: {
    institutionCreditCode: creditCodeColumn('单位统一社会信用代码', ['统一社会信用代码']),
    name: textColumn('姓名', { maxLength: 64, example: '王光国' }),
    idNumber: idNumberColumn(),
    gender: optional(enumColumn('性别', labels<Gender>('Gender'))),
    ethnicity: textColumn('民族', { maxLength: 32, example: '汉族' }),
    nativePlace: textColumn('籍贯', { maxLength: 64, example: '河南郑州' }),
    employmentType: enumColumn('用工类型', labels<EmploymentType>('EmploymentType'), { headerAliases: ['用工形式', '人员类别'] }),
    education: optional(
      enumColumn('学历', labels<Education>('Education'), { aliases: { 本科: '大学本科', 专科: '大学专科', 大专: '大学专科', 高中: '高中及以下' } }),
    ),
    degree: optional(enumColumn('学位', labels<Degree>('Degree'), { aliases: { 博士研究生: '博士', 硕士研究生: '硕士' } })),
    titleName: optional(textColumn('职称', { maxLength: 64, aliases: ['专业技术职称'], example: '中学一级教师' })),
    titleLevel: optional(enumColumn('职称等级', labels<TitleLevel>('TitleLevel'), { aliases: { 正高: '正高级', 副高: '副高级' } })),
    pensionAccount: enumColumn('养老保险户别', labels<PensionAccount>('PensionAccount'), { aliases: { 机关事业单位: '机关事业户', 企业: '企业户' } }),
    enrolled: yesNoColumn('是否参保'),
    occupationalAnnuity: optional(yesNoColumn('职业年金')),
    insuredSince: optional(dateColumn('参保时间', { monthAllowed: true, example: '2014-10-01' })),
    workStartDate: optional(dateColumn('参加工作时间', { monthAllowed: true, example: '2012-07-01' })),
    joinedOn: dateColumn('调入单位时间', { monthAllowed: true, example: '2015-03-01' }),
  },
  uniqueBy: ['idNumber'],
  checkRow(row, { today }) {
    const drafts = checkAgainstIdNumber({ idNumber: row.idNumber, gender: row.gender }, { gender: 'gender' }, today);
    if (row.workStartDate && row.joinedOn < row.workStartDate)
      drafts.push({ severity: 'ERROR', column: 'joinedOn', zh: '调入单位时间早于参加工作时间', en: 'joined the unit before starting work' });
    if (row.employmentType === 'IN_QUOTA' && row.pensionAccount !== 'PUBLIC_INSTITUTION')
      drafts.push({
        severity: 'WARNING',
        column: 'pensionAccount',
        zh: '在编人员应参加机关事业单位养老保险',
        en: 'an in-quota person should have a public-institution pension account',
      });
    if (row.employmentType === 'IN_QUOTA' && !row.enrolled)
      drafts.push({ severity: 'WARNING', column: 'enrolled', zh: '在编人员未参加养老保险', en: 'an in-quota person not enrolled in pension insurance' });
    return drafts;
  },
});
