import { requirePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/users";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime } from "@/lib/format";
import { UserStatusForm } from "./user-status-form";

const ROLE = { ADMIN: "Admin", EDITOR: "Editor", JOURNALIST: "Journalist" } as const;
const STATUS = { ACTIVE: "Active", INVITED: "Invited", DEACTIVATED: "Deactivated" } as const;

export default async function AdminUsersPage() {
  const actor = await requirePermission("user:read", "/admin");
  const [users, settings] = await Promise.all([listUsers(actor), getSiteSettings()]);
  return (
    <>
      <h1 className="text-2xl font-bold">Staff</h1>
      <table className="mt-6 w-full border-collapse text-left text-sm">
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
          {users.map((user) => (
            <tr key={user.id} className="border-b border-gray-200">
              <th scope="row" className="py-2 pr-4 font-medium">{user.name}</th>
              <td className="py-2 pr-4">{user.email}</td>
              <td className="py-2 pr-4">{ROLE[user.role]}</td>
              <td className="py-2 pr-4">{STATUS[user.status]}</td>
              <td className="py-2 pr-4">{user.lastSignInAt ? formatDateTime(user.lastSignInAt, settings.locale, settings.timeZone) : "Never"}</td>
              <td className="py-2">{user.id !== actor.id && <UserStatusForm userId={user.id} name={user.name} status={user.status} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
