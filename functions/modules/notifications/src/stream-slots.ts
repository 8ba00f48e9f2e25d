/**
 * At most `perUser` open streams per user on this instance: each holds two Firestore listeners
 * and a connection. `acquire` gives the release function, or undefined when the user is at the
 * limit; releasing twice is harmless.
 */
export function streamSlots(perUser: number) {
  const open = new Map<string, number>();
  return {
    acquire(uid: string): (() => void) | undefined {
      const count = open.get(uid) ?? 0;
      if (count >= perUser) return undefined;
      open.set(uid, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(uid) ?? 1) - 1;
        if (left === 0) open.delete(uid);
        else open.set(uid, left);
      };
    },
  };
}
