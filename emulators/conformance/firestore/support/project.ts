import { firestoreEmulator } from './emulator.ts';

/**
 * A project id of the test file's own, so files can run in parallel against one emulator
 * without seeing each other's documents. The process id keeps two concurrent runs against
 * the same external emulator apart too.
 */
export function conformanceProjectId(label: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(label)) {
    throw new Error(`project label must be lowercase letters, digits and dashes, got ${label}`);
  }
  return `conf-${label}-${process.pid}`;
}

/**
 * Deletes every document of one project through the official emulator's reset endpoint,
 * which our engine serves too.
 */
export async function resetProjectData(projectId: string): Promise<void> {
  const { hostPort } = firestoreEmulator();
  const url = `http://${hostPort}/emulator/v1/projects/${projectId}/databases/(default)/documents`;
  const response = await fetch(url, { method: 'DELETE' });
  if (response.status !== 200) {
    throw new Error(`DELETE ${url} answered ${response.status}: ${await response.text()}`);
  }
}
