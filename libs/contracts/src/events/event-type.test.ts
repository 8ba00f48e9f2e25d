import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventCatalog } from './catalog.ts';
import { defineEvent } from './define-event.ts';
import { eventTypePattern, parseEventType, topicNameFor } from './event-type.ts';

describe('event type names', () => {
  it('splits plaza.<module>.<entity>.<verb>.v<N>', () => {
    expect(parseEventType('plaza.identity.user.registered.v1')).toEqual({
      module: 'identity',
      entity: 'user',
      verb: 'registered',
      version: 1,
    });
  });

  it.each([
    'identity.user.registered.v1',
    'plaza.identity.user.registered',
    'plaza.identity.user.registered.1',
    'plaza.Identity.user.registered.v1',
    'plaza.identity.user-profile.registered.v1',
    'plaza.identity.user.registered.v1.extra',
    'plaza.identity.registered.v1',
  ])('rejects %s', (type) => {
    expect(() => parseEventType(type)).toThrow(/plaza\.<module>\.<entity>\.<verb>\.v<N>/);
    expect(() => defineEvent(type, z.object({}))).toThrow();
  });

  it('names every catalogued event by the rule, each type once', () => {
    for (const event of eventCatalog) expect(event.type).toMatch(eventTypePattern);
    expect(new Set(eventCatalog.map((event) => event.type)).size).toBe(eventCatalog.length);
  });

  it('derives a valid Pub/Sub topic id from the type', () => {
    expect(topicNameFor('plaza.identity.user.registered.v1')).toBe('plaza-identity-user-registered-v1');
    for (const event of eventCatalog) expect(event.topic).toMatch(/^[A-Za-z][A-Za-z0-9\-_.~+%]{2,254}$/);
  });
});
