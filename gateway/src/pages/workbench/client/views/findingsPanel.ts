import { errorList } from '../errorList.ts';
import { forbiddenPaths } from '../forbidden.ts';
import { graphql } from '../graphql.ts';
import { h } from '../h.ts';
import { officeLabel } from '../labels.ts';
import { table } from '../table.ts';
import { value } from '../value.ts';

const FINDINGS_QUERY = `query WorkbenchFindings($creditCode: String, $first: Int) {
  findings(creditCode: $creditCode, first: $first) {
    totalCount
    nodes { id type severity mustAct description status lastSeenAt values { office item value } }
  }
}`;

interface FindingRow {
  id: string;
  type: string;
  severity: 'HIGH' | 'MEDIUM' | 'LOW';
  mustAct: string;
  description: string;
  status: string;
  lastSeenAt: string;
  values: { office: string; item: string; value: string | null }[];
}

const SEVERITY: Record<string, string> = { HIGH: '高', MEDIUM: '中', LOW: '低' };
const STATUS: Record<string, string> = { OPEN: '待处理', ACKNOWLEDGED: '已确认', FIXED: '已整改待复核', EXPLAINED: '已说明', RESOLVED: '已解决' };

/**
 * 核查问题: the findings the latest verification runs stored (the coordination group's findings API,
 * README "Verification"), of one institution or, without a code, of the whole city, newest first as the
 * API orders them: each with its severity, the office that must act and the value each office holds.
 */
export async function findingsPanel(creditCode?: string): Promise<HTMLElement> {
  const answer = await graphql(FINDINGS_QUERY, { creditCode: creditCode ?? null, first: 50 });
  const cut = forbiddenPaths(answer.errors);
  const others = (answer.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN');
  const findings: { totalCount: number; nodes: FindingRow[] } | null = answer.data?.findings ?? null;
  return h(
    'section',
    { class: 'panel', 'data-testid': 'findings' },
    h('h2', {}, `核查问题${findings ? `（${findings.totalCount}）` : ''}`),
    others.length ? errorList(others) : null,
    !findings
      ? h('p', {}, value(cut, ['findings'], null))
      : findings.nodes.length === 0
        ? h('p', { class: 'muted' }, '最近的核查没有发现问题。')
        : table(
            ['严重程度', '问题', '须处理部门', '各部门所持数据', '状态', '最近发现'],
            findings.nodes.map((f) => [
              SEVERITY[f.severity] ?? f.severity,
              f.description,
              officeLabel(f.mustAct),
              f.values.map((v) => `${officeLabel(v.office)} ${v.item}：${v.value ?? '（无）'}`).join('；'),
              STATUS[f.status] ?? f.status,
              f.lastSeenAt.slice(0, 10),
            ]),
            { 'data-testid': 'findings-table' },
          ),
  );
}
