const safeShellWord = /^[\w@%+=:,./-]+$/;

/** `export NAME=value` lines a POSIX shell accepts as they are, quoting only where needed. */
export function formatShellExports(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([name, value]) => `export ${name}=${quoteForShell(value)}`)
    .join('\n');
}

function quoteForShell(value: string): string {
  if (safeShellWord.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
