import { connection } from "next/server";

/**
 * Sign-in, invitation and password pages render per request, never from a build-time copy: proxy.ts gives each
 * response a fresh CSP nonce, which Next can only put on the scripts of a page it renders for that request.
 */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return <div className="min-h-screen bg-white">{children}</div>;
}
