import { ApiProblem } from '@plaza/api-client';

/** Any error a page caught, shown as the API described it (title, detail, request id). */
export function ProblemMessage({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  const problem = error instanceof ApiProblem ? error : undefined;
  const title = problem?.title ?? (error instanceof Error ? error.message : String(error));
  const detail = problem?.detail !== title ? problem?.detail : undefined;
  return (
    <div role="alert" className="problem">
      <strong>{title}</strong>
      {detail ? <p>{detail}</p> : null}
      {problem?.requestId ? <p className="muted">Request {problem.requestId}</p> : null}
    </div>
  );
}
