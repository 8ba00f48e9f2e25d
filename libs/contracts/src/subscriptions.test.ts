import { describe, expect, it } from 'vitest';
import { eventCatalog } from './events/catalog.ts';
import { userRegistered } from './events/identity.ts';
import { declareSubscription, subscriptions, topicNames } from './subscriptions.ts';

describe('subscriptions', () => {
  it('derive the push path, module and dead-letter topic from the name', () => {
    expect(declareSubscription({ name: 'notifications.on-user-registered', event: userRegistered })).toMatchObject({
      module: 'notifications',
      pushPath: '/_push/notifications/on-user-registered',
      deadLetterTopic: 'notifications.on-user-registered.dead-letter',
      ackDeadlineSeconds: 600,
      maxDeliveryAttempts: 5,
    });
  });

  it('reject names that are not <module>.<consumer-name>', () => {
    for (const name of ['on-user-registered', 'Notifications.x', 'notifications.on_user']) {
      expect(() => declareSubscription({ name, event: userRegistered })).toThrow(/<module>\.<consumer-name>/);
    }
  });

  it('are unique by name and push path, within Pub/Sub limits', () => {
    expect(new Set(subscriptions.map((s) => s.name)).size).toBe(subscriptions.length);
    expect(new Set(subscriptions.map((s) => s.pushPath)).size).toBe(subscriptions.length);
    for (const s of subscriptions) {
      expect(s.ackDeadlineSeconds).toBeGreaterThanOrEqual(10);
      expect(s.ackDeadlineSeconds).toBeLessThanOrEqual(600);
      expect(s.maxDeliveryAttempts).toBeGreaterThanOrEqual(5);
      expect(s.maxDeliveryAttempts).toBeLessThanOrEqual(100);
      expect(s.minBackoffSeconds).toBeLessThanOrEqual(s.maxBackoffSeconds);
    }
  });

  it('list every event topic and every dead-letter topic', () => {
    const declared = [declareSubscription({ name: 'notifications.on-user-registered', event: userRegistered })];
    expect(topicNames(declared)).toEqual([
      ...eventCatalog.map((event) => event.topic),
      'notifications.on-user-registered.dead-letter',
    ]);
    expect(topicNames(declared)).toContain('plaza-identity-user-registered-v1');
  });
});
