import { describe, expect, it } from 'vitest';
import { remoteModulesSchema } from './remote-modules-config.ts';

describe('TOPOLOGY_REMOTE_MODULES', () => {
  it('is empty by default: every module in-process', () => {
    expect(remoteModulesSchema.parse(undefined)).toEqual(new Map());
  });

  it('maps each module to the origin of the service that runs it', () => {
    expect(remoteModulesSchema.parse(' notifications=http://127.0.0.1:9001/ignored , chat=https://chat.example ')).toEqual(
      new Map([
        ['notifications', 'http://127.0.0.1:9001'],
        ['chat', 'https://chat.example'],
      ]),
    );
  });

  it.each(['notifications', 'notifications=', 'notifications=ftp://x', 'Bad=http://x'])('rejects %j', (value) => {
    expect(remoteModulesSchema.safeParse(value).success).toBe(false);
  });
});
