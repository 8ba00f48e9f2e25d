/** An answer in Open-Meteo's own error shape (`{ error: true, reason }`), given on purpose. */
export class StandInHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === 'object' && body !== null && 'reason' in body ? String(body.reason) : `HTTP ${status}`);
  }
}
