// Next's ambient types (CSS modules, images) for `tsc -b`, which runs before any `next build`
// writes next-env.d.ts.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
