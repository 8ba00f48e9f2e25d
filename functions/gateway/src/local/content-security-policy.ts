/**
 * A Content-Security-Policy with more sources allowed in some directives. Locally the dashboard
 * talks to the Auth emulator on its own port where production talks to Google's Identity Toolkit,
 * so the local front door adds that origin to firebase.json's policy and changes nothing else.
 */
export function withPolicySources(policy: string, additions: Readonly<Record<string, readonly string[]>>): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean);
  return directives
    .map((directive) => {
      const [name = '', ...sources] = directive.split(/\s+/);
      const extra = (additions[name] ?? []).filter((source) => !sources.includes(source));
      return [name, ...sources, ...extra].join(' ');
    })
    .join('; ');
}
