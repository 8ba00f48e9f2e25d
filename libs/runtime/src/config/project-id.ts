/** The emulator suite's project; a `demo-` project id can never reach real Google Cloud. */
export const localProjectId = 'demo-plaza';

/** The project the SDK clients talk to: Cloud Run sets GOOGLE_CLOUD_PROJECT, like our config. */
export function projectIdFrom(env: Record<string, string | undefined> = process.env): string {
  return env.GOOGLE_CLOUD_PROJECT || localProjectId;
}
