/**
 * Stands in for `node-fetch` in every bundle (bundle.ts aliases it here). grammY imports
 * node-fetch on Node for its Bot API calls; Node 20 has fetch built in, and node-fetch brings
 * whatwg-url and tr46 (about 300 KiB, a tenth of a cold start). grammY only sends JSON and form
 * bodies, which the built-in fetch takes alike.
 */
export default globalThis.fetch;
