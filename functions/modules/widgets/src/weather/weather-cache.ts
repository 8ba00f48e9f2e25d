import { firestore } from '@plaza/runtime';
import { z } from 'zod';
import { weatherReportSchema, type WeatherReport } from './weather-report.ts';

/**
 * `weatherCache/{latitude_longitude}` (reports, by rounded location) and `weatherPlaces/{city}`
 * (geocoded cities): owned by the widgets module. `expireAt` is for a Firestore TTL policy, so
 * reports too old to serve even as stale ones disappear on their own.
 */
const storedReportSchema = z.object({
  report: weatherReportSchema,
  fetchedAt: z.iso.datetime(),
  expireAt: z.date(),
});

const storedPlaceSchema = z.object({
  name: z.string(),
  country: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  resolvedAt: z.iso.datetime(),
});

export interface CachedReport {
  report: WeatherReport;
  fetchedAt: Date;
}

export interface CachedPlace {
  name: string;
  country: string | null;
  latitude: number;
  longitude: number;
  resolvedAt: Date;
}

export interface WeatherCache {
  getReport(key: string): Promise<CachedReport | undefined>;
  putReport(key: string, entry: CachedReport, expireAt: Date): Promise<void>;
  getPlace(key: string): Promise<CachedPlace | undefined>;
  putPlace(key: string, place: CachedPlace): Promise<void>;
}

// The Firestore client turns Timestamps into Date objects only when asked; ISO strings need no
// conversion on read and sort as time.
function toDate(value: unknown): unknown {
  return value !== null && typeof value === 'object' && 'toDate' in value && typeof value.toDate === 'function' ? value.toDate() : value;
}

export const firestoreWeatherCache: WeatherCache = {
  async getReport(key) {
    const snapshot = await (await firestore()).collection('weatherCache').doc(key).get();
    if (!snapshot.exists) return undefined;
    const data = snapshot.data() ?? {};
    // A document this code cannot read (an older shape) is a miss, not a 500: the next fetch overwrites it.
    const parsed = storedReportSchema.safeParse({ ...data, expireAt: toDate(data.expireAt) });
    if (!parsed.success) return undefined;
    return { report: parsed.data.report, fetchedAt: new Date(parsed.data.fetchedAt) };
  },

  async putReport(key, entry, expireAt) {
    await (await firestore())
      .collection('weatherCache')
      .doc(key)
      .set({ report: entry.report, fetchedAt: entry.fetchedAt.toISOString(), expireAt });
  },

  async getPlace(key) {
    const snapshot = await (await firestore()).collection('weatherPlaces').doc(key).get();
    if (!snapshot.exists) return undefined;
    const parsed = storedPlaceSchema.safeParse(snapshot.data());
    if (!parsed.success) return undefined;
    return { ...parsed.data, resolvedAt: new Date(parsed.data.resolvedAt) };
  },

  async putPlace(key, place) {
    await (await firestore())
      .collection('weatherPlaces')
      .doc(key)
      .set({ ...place, resolvedAt: place.resolvedAt.toISOString() });
  },
};
