import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-20 text-center">
      <h1 className="text-3xl font-bold">You do not have access to this page</h1>
      <p className="mt-4 text-muted">Your role does not include this area. Ask an admin if you think it should.</p>
      <p className="mt-6">
        <Link href="/dashboard" className="font-semibold underline">
          Back to the dashboard
        </Link>
      </p>
    </main>
  );
}
