import { describe, expect, it } from 'vitest';
import { classifySmtpFailure } from './smtp-failure.ts';

const smtpError = (code: string, responseCode?: number) => Object.assign(new Error('failed'), { code, responseCode });

describe('classifySmtpFailure', () => {
  it.each([
    ['a 421 at RCPT', smtpError('EENVELOPE', 421), 'transient'],
    ['a 451 at DATA', smtpError('EMESSAGE', 451), 'transient'],
    ['a 550 at RCPT', smtpError('EENVELOPE', 550), 'permanent'],
    ['a 554 at DATA', smtpError('EMESSAGE', 554), 'permanent'],
    ['a 535 authentication refusal', smtpError('EAUTH', 535), 'transient'],
    ['a refused connection', smtpError('ECONNECTION'), 'transient'],
    ['a timeout', smtpError('ETIMEDOUT'), 'transient'],
    ['a reset socket', smtpError('ESOCKET'), 'transient'],
    ['a message with no recipients', smtpError('EENVELOPE'), 'permanent'],
    ['an unknown error', new Error('surprise'), 'transient'],
    ['something that is not an error', 'weird', 'transient'],
  ])('%s is %s', (_case, error, kind) => {
    expect(classifySmtpFailure(error)).toBe(kind);
  });
});
