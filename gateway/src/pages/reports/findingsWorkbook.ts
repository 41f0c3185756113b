import { streamWorkbook } from '@hub/schema';

export interface FindingRow {
  id: string;
  type: string;
  severity: string;
  mustAct: string;
  offices: string[];
  creditCode: string | null;
  idNumber: string | null;
  status: string;
  description: string;
  firstSeenAt: string;
  lastSeenAt: string;
  values: { office: string; item: string; value: string | null }[];
}

export const FINDINGS_HEADER = [
  '编号',
  '问题类型',
  '严重程度',
  '应处理部门',
  '涉及部门',
  '统一社会信用代码',
  '公民身份号码',
  '状态',
  '说明',
  '首次发现',
  '最近发现',
  '各部门数值',
];

/**
 * Findings as an .xlsx (one sheet 核查问题): a title row, the header, then a row per finding with its
 * fields as the API gave them (so the download equals the GraphQL answer); the offices' values in one
 * cell, "office item=value" per line.
 */
export function findingsWorkbook(title: string, findings: FindingRow[]): Promise<Buffer> {
  return streamWorkbook(async (workbook) => {
    const ws = workbook.addWorksheet('核查问题');
    ws.columns = [10, 26, 10, 14, 28, 22, 22, 14, 60, 24, 24, 60].map((width) => ({ width }));
    ws.addRow([title]).commit();
    ws.addRow(FINDINGS_HEADER).commit();
    for (const f of findings) {
      ws.addRow([
        f.id,
        f.type,
        f.severity,
        f.mustAct,
        f.offices.join(', '),
        f.creditCode ?? '',
        f.idNumber ?? '',
        f.status,
        f.description,
        f.firstSeenAt,
        f.lastSeenAt,
        f.values.map((v) => `${v.office} ${v.item}=${v.value ?? '∅'}`).join('\n'),
      ]).commit();
    }
    ws.commit();
  });
}
