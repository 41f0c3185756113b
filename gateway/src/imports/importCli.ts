import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_KINDS, isImportKind, XLSX_TYPE } from '@hub/schema';
import { config } from '../config.ts';
import { createTokenService } from '../identity/tokens.ts';

/**
 * `pnpm run import <office> <kind> <file.xlsx> [--token T | --role ROLE [--unit CODE]] [--url URL] [--report FILE]`:
 * uploads a spreadsheet to the hub over HTTP as the token's holder, shows the job's progress, prints the
 * outcome and saves the issue report beside the file when there are errors or warnings. Without
 * --token, one is made for --role of <office> with the local key (as `pnpm run token` does).
 * Exit code 0: loaded; 1: refused or failed; 2: bad arguments.
 */
const kinds = Object.entries(IMPORT_KINDS)
  .map(([office, list]) => `${office}: ${list.join(', ')}`)
  .join('; ');
const usage = `用法 / usage: pnpm run import <office> <kind> <文件.xlsx> [--token 令牌 | --role OPERATOR [--unit 信用代码]] [--url http://localhost:${config.port}] [--report 报告.xlsx]\n  ${kinds}`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    token: { type: 'string' },
    role: { type: 'string', default: 'OPERATOR' },
    unit: { type: 'string' },
    url: { type: 'string' },
    report: { type: 'string' },
  },
});
const [office, kind, path] = positionals;
if (!office || !kind || !path || !isImportKind(office, kind)) {
  console.error(usage);
  process.exit(2);
}
const base = (values.url ?? `http://localhost:${config.port}`).replace(/\/graphql\/?$/, '').replace(/\/$/, '');
const token =
  values.token ??
  (await createTokenService(config.jwtSecret(), config.tokens).sign(
    { office: office as never, role: values.role as never, sub: `${office}-import-cli`, unit: values.unit },
    '1h',
  ));
const headers = { authorization: `Bearer ${token}` };
const file = readFileSync(path);

const started = await fetch(`${base}/imports/${office}/${kind}?name=${encodeURIComponent(basename(path))}`, {
  method: 'POST',
  headers: { ...headers, 'content-type': XLSX_TYPE },
  body: new Uint8Array(file),
});
const answer = (await started.json()) as { job?: Job; errors?: { message: string }[] };
if (started.status !== 202 || !answer.job) {
  console.error(`导入被拒绝 / refused (${started.status}): ${answer.errors?.map((e) => e.message).join('; ')}`);
  process.exit(1);
}

interface Job {
  id: string;
  state: string;
  percent: number;
  rowsDone: number;
  rowsTotal: number | null;
  errors: number;
  warnings: number;
  issues: { severity: string; row: number | null; column: string | null; value: string | null; message: string }[];
}
let job = answer.job;
console.log(`任务 / job ${job.id}`);
while (job.state === 'QUEUED' || job.state === 'RUNNING') {
  await new Promise((resolve) => setTimeout(resolve, 300));
  job = ((await (await fetch(`${base}/imports/jobs/${job.id}`, { headers })).json()) as { job: Job }).job;
  process.stdout.write(
    `\r  ${job.state} ${String(job.percent).padStart(3)}%  已读 / rows read ${job.rowsDone}  错误 / errors ${job.errors}  警告 / warnings ${job.warnings}   `,
  );
}
process.stdout.write('\n');
const verdict: Record<string, string> = {
  SUCCEEDED: '已导入 / loaded',
  REFUSED: '有错误，整个文件未导入 / refused: nothing was written',
  FAILED: '导入失败，未写入任何数据 / failed: nothing was written',
};
console.log(`${verdict[job.state] ?? job.state}: ${job.rowsTotal ?? job.rowsDone} 行 / rows, ${job.errors} 个错误 / errors, ${job.warnings} 个警告 / warnings`);
for (const issue of job.issues.slice(0, 10))
  console.log(`  ${issue.severity === 'ERROR' ? '错误' : '警告'} 第${issue.row ?? '-'}行 ${issue.column ?? ''} ${issue.value ?? ''}: ${issue.message}`);
if (job.errors + job.warnings > 0) {
  const report = values.report ?? `${path.replace(/\.xlsx$/i, '')}.问题报告.xlsx`;
  const response = await fetch(`${base}/imports/jobs/${job.id}/report.xlsx`, { headers });
  writeFileSync(report, Buffer.from(await response.arrayBuffer()));
  console.log(`问题报告 / report: ${report}`);
}
process.exit(job.state === 'SUCCEEDED' ? 0 : 1);
