import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';

export interface Row {
  measurement: string;
  result: string;
  target?: string;
}

export const ratio = (value: number): string => `${value.toFixed(2)}×`;
export const percent = (value: number): string => `${Math.round(value * 100)}%`;
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const milliseconds = (ms: number): string => `${ms.toFixed(1)} ms`;
export const rate = (perSecond: number, unit: string): string => `${Math.round(perSecond).toLocaleString('en-US')} ${unit}/s`;

export function markdownTable(rows: readonly Row[]): string {
  const lines = rows.map((row) => `| ${row.measurement} | ${row.result} | ${row.target ?? ''} |`);
  return ['| Measurement | Median | Target |', '| --- | ---: | --- |', ...lines].join('\n');
}

export function machine(): string {
  const [cpu] = cpus();
  return `${cpus().length} cores (${cpu?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${process.platform}`;
}

/**
 * Replaces one bench's section of docs/benchmarks.md (between its `<!-- name-bench:… -->` markers),
 * leaving every other section as it is, so each bench can rewrite its own table.
 */
export async function writeSection(file: URL, name: string, section: string): Promise<void> {
  const begin = `<!-- ${name}-bench:begin -->`;
  const end = `<!-- ${name}-bench:end -->`;
  const existing = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const block = `${begin}\n${section.trim()}\n${end}`;
  const from = existing.indexOf(begin);
  const to = existing.indexOf(end);
  const updated =
    from >= 0 && to > from
      ? `${existing.slice(0, from)}${block}${existing.slice(to + end.length)}`
      : `${existing.trimEnd()}\n\n${block}\n`;
  await writeFile(file, updated);
}
