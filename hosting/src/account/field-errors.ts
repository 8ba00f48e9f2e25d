import { ApiProblem } from '@plaza/api-client';

/** Every message the API gave for one field (a password can break several rules), as one line. */
export function fieldErrors(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const messages = error.errors.filter((fieldError) => fieldError.path === path).map((fieldError) => fieldError.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

/** Whether the form shows the problem beside its fields; otherwise it is shown as a whole. */
export function isAboutFields(error: unknown, paths: readonly string[]): boolean {
  return paths.some((path) => fieldErrors(error, path) !== undefined);
}
