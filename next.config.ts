import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() gives the admin area a real 403 page for signed-in staff without the role.
  experimental: { authInterrupts: true },
};

export default nextConfig;
