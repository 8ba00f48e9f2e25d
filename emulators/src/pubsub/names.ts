import { invalidArgument } from './errors.ts';

/** What a topic's subscriptions point at once the topic is deleted, as in the real service. */
export const DELETED_TOPIC = '_deleted-topic_';

export interface ResourceName {
  readonly project: string;
  readonly id: string;
  /** The canonical full name, e.g. projects/p/topics/t. */
  readonly name: string;
}

type Collection = 'topics' | 'subscriptions';

// The real service's rule for topic and subscription ids: a letter first, 3 to 255 characters from
// this set, and no "goog" prefix (reserved for Google).
const RESOURCE_ID = /^[A-Za-z][A-Za-z0-9\-_.~+%]{2,254}$/;
// Project ids are not checked by the official emulator beyond their shape; any path segment works
// (including domain-scoped ids such as example.com:proj).
const PROJECT_ID = /^[^/\s]+$/;

function parse(name: string, collection: Collection): ResourceName {
  const parts = name.split('/');
  const [projectsWord, project, collectionWord, id] = parts;
  if (
    parts.length !== 4 ||
    projectsWord !== 'projects' ||
    project === undefined ||
    !PROJECT_ID.test(project) ||
    collectionWord !== collection ||
    id === undefined ||
    !RESOURCE_ID.test(id) ||
    id.toLowerCase().startsWith('goog')
  ) {
    throw invalidArgument(`Invalid [${collection}] name: (name=${name})`);
  }
  return { project, id, name };
}

export function parseTopicName(name: string | undefined): ResourceName {
  return parse(name ?? '', 'topics');
}

export function parseSubscriptionName(name: string | undefined): ResourceName {
  return parse(name ?? '', 'subscriptions');
}

/** Parses `projects/{project}` and returns the project id. */
export function parseProjectName(name: string | undefined): string {
  const match = /^projects\/([^/]+)$/.exec(name ?? '');
  if (!match?.[1] || !PROJECT_ID.test(match[1])) throw invalidArgument(`Invalid [projects] name: (name=${name ?? ''})`);
  return match[1];
}
