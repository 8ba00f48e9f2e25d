import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { newSubscription, subscriptionSettings, updatedSubscription } from './subscription-config.ts';
import type { Subscription } from './wire.ts';

const topics = new Set(['projects/p/topics/t', 'projects/p/topics/dead']);
const exists = (name: string): boolean => topics.has(name);
const base: Subscription = { name: 'projects/p/subscriptions/s', topic: 'projects/p/topics/t' };
const invalid = expect.objectContaining({ code: status.INVALID_ARGUMENT });

describe('newSubscription', () => {
  it('fills in the real service’s defaults', () => {
    expect(newSubscription(base, exists)).toEqual({
      ...base,
      ackDeadlineSeconds: 10,
      messageRetentionDuration: { seconds: '604800', nanos: 0 },
      expirationPolicy: { ttl: { seconds: '2678400', nanos: 0 } },
      state: 'ACTIVE',
    });
  });

  it('completes a partial retry policy and a dead-letter policy without attempts', () => {
    const created = newSubscription(
      {
        ...base,
        retryPolicy: { minimumBackoff: { seconds: 1 } },
        deadLetterPolicy: { deadLetterTopic: 'projects/p/topics/dead' },
      },
      exists,
    );
    expect(created.retryPolicy).toEqual({
      minimumBackoff: { seconds: '1', nanos: 0 },
      maximumBackoff: { seconds: '600', nanos: 0 },
    });
    expect(created.deadLetterPolicy).toEqual({ deadLetterTopic: 'projects/p/topics/dead', maxDeliveryAttempts: 5 });
  });

  it('treats an empty push endpoint as a pull subscription', () => {
    expect(newSubscription({ ...base, pushConfig: { pushEndpoint: '' } }, exists)).not.toHaveProperty('pushConfig');
  });

  it.each<[string, Subscription]>([
    ['an ack deadline below 10 s', { ...base, ackDeadlineSeconds: 5 }],
    ['an ack deadline above 600 s', { ...base, ackDeadlineSeconds: 601 }],
    ['4 delivery attempts', { ...base, deadLetterPolicy: { deadLetterTopic: 'projects/p/topics/dead', maxDeliveryAttempts: 4 } }],
    ['101 delivery attempts', { ...base, deadLetterPolicy: { deadLetterTopic: 'projects/p/topics/dead', maxDeliveryAttempts: 101 } }],
    ['a missing dead-letter topic', { ...base, deadLetterPolicy: { deadLetterTopic: 'projects/p/topics/none' } }],
    ['a malformed dead-letter topic', { ...base, deadLetterPolicy: { deadLetterTopic: 'dead' } }],
    ['a minimum backoff above the maximum', { ...base, retryPolicy: { minimumBackoff: { seconds: 9 }, maximumBackoff: { seconds: 8 } } }],
    ['a backoff above 600 s', { ...base, retryPolicy: { maximumBackoff: { seconds: 601 } } }],
    ['an invalid filter', { ...base, filter: 'attributes.x = unquoted' }],
    ['a push endpoint that is not a URL', { ...base, pushConfig: { pushEndpoint: 'not a url' } }],
    ['a push endpoint that is not http', { ...base, pushConfig: { pushEndpoint: 'ftp://host/x' } }],
    ['an OIDC token without a service account', { ...base, pushConfig: { pushEndpoint: 'http://h/x', oidcToken: { audience: 'a' } } }],
  ])('rejects %s', (_, request) => {
    expect(() => newSubscription(request, exists)).toThrow(invalid);
  });

  it('refuses export subscriptions as unimplemented', () => {
    expect(() => newSubscription({ ...base, bigqueryConfig: { table: 'p.d.t' } }, exists)).toThrow(
      expect.objectContaining({ code: status.UNIMPLEMENTED }),
    );
  });
});

describe('updatedSubscription', () => {
  const current = newSubscription({ ...base, filter: 'attributes:a', labels: { team: 'x' } }, exists);

  it('changes exactly the masked fields and clears those absent from the patch', () => {
    const updated = updatedSubscription(current, { ackDeadlineSeconds: 60 }, { paths: ['ack_deadline_seconds', 'labels'] }, exists);
    expect(updated.ackDeadlineSeconds).toBe(60);
    expect(updated).not.toHaveProperty('labels');
    expect(updated.filter).toBe('attributes:a');
  });

  it.each([[[]], [['filter']], [['enable_message_ordering']], [['topic']], [['nonsense']]])(
    'rejects the mask %j',
    (paths) => {
      expect(() => updatedSubscription(current, {}, { paths }, exists)).toThrow(invalid);
    },
  );

  it('validates the result like a creation', () => {
    expect(() => updatedSubscription(current, { ackDeadlineSeconds: 1 }, { paths: ['ack_deadline_seconds'] }, exists)).toThrow(invalid);
  });
});

describe('subscriptionSettings', () => {
  it('turns the resource into what the engine runs on', () => {
    const settings = subscriptionSettings(
      newSubscription(
        {
          ...base,
          ackDeadlineSeconds: 20,
          enableMessageOrdering: true,
          filter: 'attributes:a',
          retryPolicy: { minimumBackoff: { nanos: 100_000_000 }, maximumBackoff: { seconds: 1 } },
          deadLetterPolicy: { deadLetterTopic: 'projects/p/topics/dead', maxDeliveryAttempts: 7 },
          pushConfig: { pushEndpoint: 'http://127.0.0.1/push', oidcToken: { serviceAccountEmail: 'sa@p.iam.gserviceaccount.com' } },
        },
        exists,
      ),
    );
    expect(settings).toEqual({
      ackDeadlineMs: 20_000,
      ordered: true,
      filter: { kind: 'exists', key: 'a' },
      retry: { minimumMs: 100, maximumMs: 1000 },
      deadLetter: { topic: 'projects/p/topics/dead', maxDeliveryAttempts: 7 },
      push: {
        endpoint: 'http://127.0.0.1/push',
        attributes: {},
        oidc: { serviceAccountEmail: 'sa@p.iam.gserviceaccount.com', audience: '' },
        unwrapped: undefined,
      },
      exactlyOnce: false,
    });
  });
});
