import type { NextConfig } from 'next';

/**
 * A static export: Firebase Hosting serves `out/` and rewrites `/api/**` to the gateway, so the
 * dashboard has no server of its own and talks to nothing but the API (and Firebase Auth).
 */
const nextConfig: NextConfig = {
  output: 'export',
  // `/account/` is written as `account/index.html`, which Hosting and the local front door serve as is.
  trailingSlash: true,
  images: { unoptimized: true },
  transpilePackages: ['@plaza/api-client', '@plaza/contracts'],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: './tsconfig.json' },
};

export default nextConfig;
