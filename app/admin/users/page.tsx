/**
 * /admin/users: the newsroom's accounts, with search and filters (the query string is the state, so every view is
 * a link), each person's last sign-in and any sign-in delay, and the controls for role, status, password resets and
 * lifting a delay.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { countOf, DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { requirePermission } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/data/settings";
import { countUsersMatching, listUsers } from "@/lib/data/users/accounts";
import { listSignInDelays } from "@/lib/data/users/sign-in";
import { formatDateTime } from "@/lib/dates";
import { UserListQuerySchema } from "@/lib/validation/users";
import { AccountActions, RoleForm } from "./user-forms";

export const metadata: Metadata = { title: "Staff" };

const ROLE = { ADMIN: "Admin", EDITOR: "Editor", JOURNALIST: "Journalist" } as const;
const STATUS = { ACTIVE: "Active", INVITED: "Invited", DEACTIVATED: "Deactivated" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  const actor = await requirePermission("user:read", "/admin/users");
  const query = UserListQuerySchema.parse(await searchParams);
  const [users, total, settings] = await Promise.all([listUsers(actor, query), countUsersMatching(actor, query), getSiteSettings()]);
  const delays = await listSignInDelays(actor, users.map((user) => user.email));
  const isFiltered = Boolean(query.q || query.role || query.status);
  const more = total > users.length ? `, showing the first ${users.length}: narrow the search to see the rest` : "";

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Staff</h1>
        <Link href="/admin/invitations" className={buttonClass()}>
          Invite someone
        </Link>
      </div>

      <FilterBar label="Filter staff" clearHref={isFiltered ? "/admin/users" : undefined}>
        <TextField id="q" name="q" type="search" label="Search by name or email" defaultValue={query.q ?? ""} className="grow" />
        <SelectField id="role" name="role" label="Role" defaultValue={query.role ?? ""} options={[["", "Any role"], ...Object.entries(ROLE)]} />
        <SelectField id="status" name="status" label="Status" defaultValue={query.status ?? ""} options={[["", "Any status"], ["ACTIVE", "Active"], ["DEACTIVATED", "Deactivated"], ["INVITED", "Invited"]]} />
      </FilterBar>

      <DataTable
        caption="Staff accounts"
        rows={users}
        rowKey={(user) => user.id}
        status={total === 0 ? "No accounts match." : `${countOf(total, "account", "accounts")}${more}.`}
        columns={[
          {
            header: "Name",
            isRowHeader: true,
            cell: (user) => (
              <>
                {user.name}
                {user.id === actor.id && <span className="ml-1 text-xs font-normal text-muted">(you)</span>}
              </>
            ),
          },
          { header: "Email", cell: (user) => user.email },
          { header: "Role", cell: (user) => (user.id === actor.id ? ROLE[user.role] : <RoleForm userId={user.id} name={user.name} role={user.role} />) },
          {
            header: "Status",
            cell: (user) => {
              const until = delays.get(user.email);
              return (
                <>
                  {STATUS[user.status]}
                  {until && <span className="block text-xs text-muted">Sign-in delayed until {formatDateTime(until, settings.locale, settings.timeZone)}</span>}
                </>
              );
            },
          },
          { header: "Last sign-in", cell: (user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt, settings.locale, settings.timeZone) : "Never") },
          {
            header: "Actions",
            cell: (user) =>
              user.id === actor.id ? (
                <Link href="/dashboard/profile" className="underline">
                  Your profile
                </Link>
              ) : (
                <AccountActions userId={user.id} name={user.name} status={user.status} isDelayed={delays.has(user.email)} />
              ),
          },
        ]}
      />
    </>
  );
}
