import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { parseProjectName, parseSubscriptionName, parseTopicName } from './names.ts';

const invalid = expect.objectContaining({ code: status.INVALID_ARGUMENT });

describe('resource names', () => {
  it('splits valid names', () => {
    expect(parseTopicName('projects/p/topics/orders.v1~a+b%c_d-e')).toEqual({
      project: 'p',
      id: 'orders.v1~a+b%c_d-e',
      name: 'projects/p/topics/orders.v1~a+b%c_d-e',
    });
    expect(parseSubscriptionName('projects/example.com:proj/subscriptions/sub').project).toBe('example.com:proj');
    expect(parseProjectName('projects/demo-plaza')).toBe('demo-plaza');
  });

  it.each([
    '',
    'projects/p/topics/',
    'projects/p/topics',
    'projects//topics/abc',
    'projects/p/subscriptions/abc',
    'projects/p/topics/ab',
    'projects/p/topics/1abc',
    'projects/p/topics/goog-abc',
    'projects/p/topics/GOOGabc',
    'projects/p/topics/a b c',
    'projects/p/topics/abc/extra',
    `projects/p/topics/a${'b'.repeat(255)}`,
    'topics/abc',
  ])('rejects the topic name %j with INVALID_ARGUMENT', (name) => {
    expect(() => parseTopicName(name)).toThrow(invalid);
  });

  it('accepts the longest topic id', () => {
    expect(parseTopicName(`projects/p/topics/a${'b'.repeat(254)}`).id).toHaveLength(255);
  });

  it('names the collection in the error', () => {
    expect(() => parseSubscriptionName('projects/p/subscriptions/')).toThrow(
      'Invalid [subscriptions] name: (name=projects/p/subscriptions/)',
    );
    expect(() => parseTopicName(undefined)).toThrow('Invalid [topics] name: (name=)');
  });

  it.each(['', 'projects/', 'projects/a/b', 'project/p'])('rejects the project name %j', (name) => {
    expect(() => parseProjectName(name)).toThrow(invalid);
  });
});
