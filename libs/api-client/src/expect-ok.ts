import { ApiProblem } from './api-problem.ts';

type Result<Data> = { data?: Data; error?: unknown; response: Response };

/**
 * The data of a successful call, or an ApiProblem: pages await one value and catch one kind of
 * error, instead of checking `error` after every call.
 */
export async function expectOk<Data>(pending: Promise<Result<Data>>): Promise<Data> {
  let result: Result<Data>;
  try {
    result = await pending;
  } catch (cause) {
    throw ApiProblem.unreachable(cause);
  }
  if (!result.response.ok) throw ApiProblem.fromResponse(result.response, result.error);
  return result.data as Data;
}
