import { connection } from "next/server";

/**
 * Sign-in, invitation and password pages: one narrow column. They render per request, never from a build-time copy:
 * proxy.ts gives each response a fresh CSP nonce, which Next can only put on the scripts of a page it renders for
 * that request.
 */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <div className="min-h-screen bg-white">
      <main id="main" className="mx-auto max-w-sm px-4 py-16">
        {children}
      </main>
    </div>
  );
}
