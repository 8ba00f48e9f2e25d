/** Which messages (by sequence number) have arrived, for waiting on one or on a total. */
export class Deliveries {
  private readonly arrived = new Set<number>();
  private readonly waiters: Array<{ ready: () => boolean; resolve: () => void }> = [];

  record(sequence: number): void {
    this.arrived.add(sequence);
    for (const waiter of this.waiters.filter((candidate) => candidate.ready())) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  arrival(sequence: number, timeoutMs: number): Promise<void> {
    return this.until(() => this.arrived.has(sequence), `message ${sequence}`, timeoutMs);
  }

  total(count: number, timeoutMs: number): Promise<void> {
    return this.until(() => this.arrived.size >= count, `${count} messages`, timeoutMs);
  }

  private until(ready: () => boolean, what: string, timeoutMs: number): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} not delivered within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ ready, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }
}
