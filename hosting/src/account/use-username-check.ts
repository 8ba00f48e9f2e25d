'use client';
import { ApiProblem, expectOk } from '@plaza/api-client';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { fromAvailability, planUsernameCheck, type UsernameAvailability, type UsernameCheck } from './username-check.ts';

export type AvailabilityLookup = (username: string) => Promise<UsernameAvailability>;

const lookUp: AvailabilityLookup = (username) => expectOk(api.GET('/v1/usernames/{username}/availability', { params: { path: { username } } }));

/**
 * The live availability of the username being typed: a local check at once, then
 * `GET /v1/usernames/{username}/availability` once the member has paused for `delayMs`. An
 * answer that arrives after the box changed again is dropped, so the line always matches the box.
 */
export function useUsernameCheck(typed: string, current: string | null, { delayMs = 300, lookup = lookUp }: { delayMs?: number; lookup?: AvailabilityLookup } = {}): UsernameCheck {
  const plan = planUsernameCheck(typed, current);
  const [answer, setAnswer] = useState<{ username: string; check: UsernameCheck }>();
  const username = plan.status === 'checking' ? plan.username : undefined;

  useEffect(() => {
    if (!username) return;
    let live = true;
    const timer = setTimeout(() => {
      lookup(username).then(
        (availability) => live && setAnswer({ username, check: fromAvailability(availability) }),
        (error: unknown) => live && setAnswer({ username, check: { status: 'failed', username, message: error instanceof ApiProblem ? error.title : String(error) } }),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [username, delayMs, lookup]);

  // Only an answer about the name now in the box counts; until it comes, the plan shows.
  return plan.status === 'checking' && answer?.username === plan.username ? answer.check : plan;
}
