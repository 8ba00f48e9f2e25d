/** Open-Meteo did not give a usable answer: it `failed` (an error status, bad JSON, a wrong shape, no connection) or it `timedOut`. */
export class UpstreamError extends Error {
  override name = 'UpstreamError';

  constructor(
    readonly kind: 'failed' | 'timedOut',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
