/**
 * /admin/users: the newsroom's accounts, with search and filters (the query string is the state, so every view is
 * a link), each person's last sign-in, and the controls for role, status and password resets.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { BUTTON, SelectField, TextField } from "@/components/admin/fields";
import { requirePermission } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/data/settings";
import { countUsersMatching, listUsers } from "@/lib/data/users/accounts";
import { formatDateTime } from "@/lib/dates";
import { UserListQuerySchema } from "@/lib/validation/users";
import { ResetLinkForm, RoleForm, StatusForm } from "./user-forms";

export const metadata: Metadata = { title: "Staff" };

const ROLE = { ADMIN: "Admin", EDITOR: "Editor", JOURNALIST: "Journalist" } as const;
const STATUS = { ACTIVE: "Active", INVITED: "Invited", DEACTIVATED: "Deactivated" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  const actor = await requirePermission("user:read", "/admin/users");
  const query = UserListQuerySchema.parse(await searchParams);
  const [users, total, settings] = await Promise.all([listUsers(actor, query), countUsersMatching(actor, query), getSiteSettings()]);
  const filtered = Boolean(query.q || query.role || query.status);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Staff</h1>
        <Link href="/admin/invitations" className={BUTTON}>
          Invite someone
        </Link>
      </div>

      <form method="get" role="search" aria-label="Filter staff" className="mt-6 grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <TextField id="q" name="q" type="search" label="Search by name or email" defaultValue={query.q ?? ""} />
        <SelectField
          id="role"
          name="role"
          label="Role"
          defaultValue={query.role ?? ""}
          options={[["", "Any role"], ["ADMIN", "Admin"], ["EDITOR", "Editor"], ["JOURNALIST", "Journalist"]]}
        />
        <SelectField
          id="status"
          name="status"
          label="Status"
          defaultValue={query.status ?? ""}
          options={[["", "Any status"], ["ACTIVE", "Active"], ["DEACTIVATED", "Deactivated"], ["INVITED", "Invited"]]}
        />
        <div className="flex gap-2">
          <button type="submit" className={BUTTON}>
            Apply
          </button>
          {filtered && (
            <Link href="/admin/users" className="self-center text-sm underline">
              Clear
            </Link>
          )}
        </div>
      </form>

      <p role="status" className="mt-4 text-sm text-muted">
        {total === 0
          ? "No accounts match."
          : `${total} ${total === 1 ? "account" : "accounts"}${total > users.length ? `, showing the first ${users.length}: narrow the search to see the rest` : ""}.`}
      </p>

      {users.length > 0 && (
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Staff accounts (scrolls sideways on narrow screens)">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Staff accounts</caption>
            <thead>
              <tr className="border-b border-gray-300">
                <th scope="col" className="py-2 pr-4">Name</th>
                <th scope="col" className="py-2 pr-4">Email</th>
                <th scope="col" className="py-2 pr-4">Role</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2 pr-4">Last sign-in</th>
                <th scope="col" className="py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const isSelf = user.id === actor.id;
                return (
                  <tr key={user.id} className="border-b border-gray-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {user.name}
                      {isSelf && <span className="ml-1 text-xs font-normal text-muted">(you)</span>}
                    </th>
                    <td className="py-2 pr-4">{user.email}</td>
                    <td className="py-2 pr-4">
                      {isSelf ? ROLE[user.role] : <RoleForm userId={user.id} name={user.name} role={user.role} />}
                    </td>
                    <td className="py-2 pr-4">{STATUS[user.status]}</td>
                    <td className="py-2 pr-4">{user.lastSignInAt ? formatDateTime(user.lastSignInAt, settings.locale, settings.timeZone) : "Never"}</td>
                    <td className="py-2">
                      {isSelf ? (
                        <Link href="/dashboard/profile" className="underline">
                          Your profile
                        </Link>
                      ) : (
                        <div className="flex flex-wrap items-start gap-2">
                          <StatusForm userId={user.id} name={user.name} status={user.status} />
                          {user.status === "ACTIVE" && <ResetLinkForm userId={user.id} name={user.name} />}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
