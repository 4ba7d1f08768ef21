import { z } from "zod";

export const UserStatusChangeSchema = z.object({
  userId: z.string().min(1, "Choose a user").max(64),
  status: z.enum(["ACTIVE", "DEACTIVATED"], { error: "Choose Activate or Deactivate" }),
});
export type UserStatusChange = z.infer<typeof UserStatusChangeSchema>;
