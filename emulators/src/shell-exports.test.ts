import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatShellExports } from './shell-exports.ts';

describe('formatShellExports', () => {
  it('writes plain values as they are', () => {
    expect(formatShellExports({ FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080', GCLOUD_PROJECT: 'demo-plaza' })).toBe(
      'export FIRESTORE_EMULATOR_HOST=127.0.0.1:8080\nexport GCLOUD_PROJECT=demo-plaza',
    );
  });

  it('quotes values a shell would split or expand, so sh reads them back unchanged', () => {
    const value = `it's $HOME & "more"`;
    const script = `${formatShellExports({ PLAZA_ODD: value })}\nprintf %s "$PLAZA_ODD"`;
    expect(execFileSync('sh', ['-c', script], { encoding: 'utf8' })).toBe(value);
  });
});
