import { readFileSync } from 'node:fs';
import {
  countColumn,
  creditCodeColumn,
  defineSheet,
  enumColumn,
  enumLabels,
  idNumberColumn,
  monthColumn,
  moneyColumn,
  optional,
  textColumn,
  yesNoColumn,
} from '@hub/schema';
import type { FundingForm } from '../generated/enums.ts';

/** The office's SDL: its enumerations' descriptions are the Chinese words the sheets use. */
const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

/** 预算单位: each institution's budget unit, its funding form as budgeted and its budgeted headcount. */
export const budgetUnitsSheet = defineSheet({
  office: 'finance',
  kind: 'budget-units',
  title: '预算单位',
  columns: {
    code: textColumn('预算单位编码', { maxLength: 32, example: 'YS010001' }),
    institutionCreditCode: creditCodeColumn('单位统一社会信用代码', ['统一社会信用代码']),
    name: textColumn('预算单位名称', { maxLength: 100, aliases: ['单位名称'], example: '城关镇农业服务中心' }),
    fundingForm: enumColumn('经费形式', enumLabels<FundingForm>(sdl, 'FundingForm'), { aliases: { 全额: '全额拨款', 差额: '差额拨款', 自收: '自收自支' } }),
    budgetedHeadcount: countColumn('预算编制人数', '16', ['预算人数']),
  },
  uniqueBy: ['institutionCreditCode'],
});

/** 工资发放: the month's payroll of a unit, one row per person paid (or stopped). */
export const payrollSheet = defineSheet({
  office: 'finance',
  kind: 'payroll',
  title: '工资发放',
  columns: {
    idNumber: idNumberColumn(),
    nameOnRecord: textColumn('姓名', { maxLength: 64, example: '王光国' }),
    institutionCreditCode: creditCodeColumn('单位统一社会信用代码', ['统一社会信用代码']),
    budgetLine: textColumn('预算科目', { maxLength: 64, aliases: ['工资预算科目'], example: '30101 基本工资' }),
    monthlyGrossPay: moneyColumn('月应发工资'),
    monthPaid: monthColumn('发放月份'),
    onPayroll: optional(yesNoColumn('发放状态', { yes: '在发', no: '停发' })),
  },
  uniqueBy: ['idNumber'],
});
