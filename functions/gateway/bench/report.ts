import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';

export interface Row {
  measurement: string;
  result: string;
  target?: string;
}

const begin = '<!-- backbone-bench:begin -->';
const end = '<!-- backbone-bench:end -->';

export const milliseconds = (ms: number): string => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
export const perSecond = (value: number): string => `${Math.round(value).toLocaleString('en-US')} req/s`;
export const ratio = (value: number): string => `${value.toFixed(2)}×`;
export const percent = (value: number): string => `${Math.round(value * 100)}%`;

export function markdownTable(rows: readonly Row[]): string {
  const lines = rows.map((row) => `| ${row.measurement} | ${row.result} | ${row.target ?? ''} |`);
  return ['| Measurement | Median | Target |', '| --- | ---: | --- |', ...lines].join('\n');
}

export function machine(): string {
  const [cpu] = cpus();
  return `${cpus().length} cores (${cpu?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${process.platform}`;
}

/** Replaces the backbone's section of docs/benchmarks.md (between its markers); other sections stay as they are. */
export async function writeBackboneSection(file: URL, section: string): Promise<void> {
  const existing = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const block = `${begin}\n${section.trim()}\n${end}`;
  const from = existing.indexOf(begin);
  const to = existing.indexOf(end);
  const updated =
    from >= 0 && to > from ? `${existing.slice(0, from)}${block}${existing.slice(to + end.length)}` : `${existing.trimEnd()}\n\n${block}\n`;
  await writeFile(file, updated);
}
