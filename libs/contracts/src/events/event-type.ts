/**
 * Event type names: `plaza.<module>.<entity>.<verb>.v<N>`. The module comes first so a type says
 * who owns it; the version comes last so a breaking change is a new type living beside the old
 * one while consumers migrate.
 */
export const eventTypePattern = /^plaza\.([a-z]+)\.([a-z]+)\.([a-z]+)\.v(\d+)$/;

export interface EventTypeParts {
  readonly module: string;
  readonly entity: string;
  readonly verb: string;
  readonly version: number;
}

export function parseEventType(type: string): EventTypeParts {
  const match = eventTypePattern.exec(type);
  if (!match) {
    throw new Error(`Event type "${type}" must match plaza.<module>.<entity>.<verb>.v<N> (lower-case letters, N a number)`);
  }
  const [, module, entity, verb, version] = match as unknown as [string, string, string, string, string];
  return { module, entity, verb, version: Number(version) };
}

/**
 * One Pub/Sub topic per event type, so a subscription receives exactly one schema. Hyphens, not
 * dots, keep the id readable in the console and valid everywhere Pub/Sub ids go (3–255 characters,
 * starting with a letter).
 */
export function topicNameFor(type: string): string {
  parseEventType(type);
  return type.replaceAll('.', '-');
}
