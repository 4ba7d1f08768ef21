"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="rounded border border-gray-400 px-3 py-1 text-sm hover:bg-gray-100">
      Sign out
    </button>
  );
}
