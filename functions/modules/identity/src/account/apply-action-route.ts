import { ApplyActionRequest, ApplyActionResponse } from '@plaza/contracts';
import { createRouter, defineRoute } from '@plaza/runtime';
import { applyActionCode } from './apply-action-code.ts';

export const applyActionRoute = defineRoute({
  method: 'post',
  path: '/auth/actions',
  operationId: 'applyActionCode',
  tags: ['account'],
  summary: 'Apply the code of a mailed action link',
  description:
    "The dashboard's /auth/action page posts the link's mode and oobCode here. verifyEmail marks the address " +
    'verified; resetPassword sets newPassword (checked against the password policy), or without it only checks ' +
    'the code; verifyAndChangeEmail moves the account to the new address and emits ' +
    'plaza.identity.email.changed.v1, which tells the previous address. An unknown, used or mismatched code is a ' +
    '400 and an expired one a 410, both validation_failed naming body.oobCode.',
  access: 'public',
  rateLimit: { limit: 20, windowMs: 60_000, key: 'ip' },
  request: { body: { required: true, content: { 'application/json': { schema: ApplyActionRequest } } } },
  responses: {
    200: { description: 'The code was applied (or checked)', content: { 'application/json': { schema: ApplyActionResponse } } },
  },
});

export const applyActionRoutes = createRouter().openapi(applyActionRoute, async (c) =>
  c.json(await applyActionCode(c.req.valid('json'), c.get('logger')), 200),
);
