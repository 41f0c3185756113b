import { readFileSync } from 'node:fs';
import { creditCodeColumn, dateColumn, defineSheet, enumColumn, enumLabels, idNumberColumn, textColumn, yesNoColumn } from '@hub/schema';
import type { Rank } from '../generated/enums.ts';

/** The office's SDL: its enumerations' descriptions are the Chinese words the sheet uses. */
const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

/** 干部名册: a unit's cadres, their post, rank, whether it is a leadership post, and since when. */
export const cadresSheet = defineSheet({
  office: 'organization',
  kind: 'cadres',
  title: '干部名册',
  columns: {
    idNumber: idNumberColumn(),
    name: textColumn('姓名', { maxLength: 64, example: '程永兵' }),
    institutionCreditCode: creditCodeColumn('单位统一社会信用代码', ['统一社会信用代码']),
    post: textColumn('职务', { maxLength: 64, aliases: ['现任职务'], example: '主任' }),
    rank: enumColumn('职级', enumLabels<Rank>(sdl, 'Rank'), { aliases: { 正处: '正处级', 副处: '副处级', 正科: '正科级', 副科: '副科级', 副厅: '副厅级' } }),
    leadership: yesNoColumn('是否领导职务'),
    appointedOn: dateColumn('任职时间', { monthAllowed: true, example: '2021-06-01' }),
  },
  uniqueBy: ['idNumber'],
});
