/**
 * Faults a test arms on the stand-in. Each one matches by location (latitude and longitude, as
 * numbers) or by geocoding name, so tests running in parallel against one stand-in fail only
 * their own requests.
 */
export type FaultMode = 'error' | 'hang';

export interface UpstreamFault {
  mode: FaultMode;
  latitude?: number;
  longitude?: number;
  /** Geocoding: the `name` searched for, case-insensitive. */
  name?: string;
  /** How many requests it still hits; undefined means every one until cleared. */
  remaining?: number;
}

export interface RequestFacts {
  latitude?: number;
  longitude?: number;
  name?: string;
}

export function createUpstreamFaults() {
  let faults: UpstreamFault[] = [];
  return {
    arm(fault: UpstreamFault): void {
      faults.push({ ...fault });
    },
    list(): readonly UpstreamFault[] {
      return faults.map((fault) => ({ ...fault }));
    },
    /** Drops the faults armed for that location or name (every fault when the filter is empty). */
    clear(filter: RequestFacts = {}): void {
      faults = faults.filter((fault) => !sameScope(fault, filter));
    },
    /** The first fault matching the request, counted down (and dropped when used up). */
    take(request: RequestFacts): FaultMode | undefined {
      const fault = faults.find((candidate) => matches(candidate, request));
      if (!fault) return undefined;
      if (fault.remaining !== undefined) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) faults = faults.filter((candidate) => candidate !== fault);
      }
      return fault.mode;
    },
  };
}

export type UpstreamFaults = ReturnType<typeof createUpstreamFaults>;

export function matches(filter: RequestFacts, request: RequestFacts): boolean {
  if (filter.latitude !== undefined && !sameNumber(filter.latitude, request.latitude)) return false;
  if (filter.longitude !== undefined && !sameNumber(filter.longitude, request.longitude)) return false;
  if (filter.name !== undefined && filter.name.toLowerCase() !== request.name?.toLowerCase()) return false;
  return true;
}

function sameScope(fault: UpstreamFault, filter: RequestFacts): boolean {
  return (
    (filter.latitude === undefined || fault.latitude === filter.latitude) &&
    (filter.longitude === undefined || fault.longitude === filter.longitude) &&
    (filter.name === undefined || fault.name?.toLowerCase() === filter.name.toLowerCase())
  );
}

function sameNumber(a: number, b: number | undefined): boolean {
  return b !== undefined && Math.abs(a - b) < 1e-9;
}
