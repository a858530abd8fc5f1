import type { DefaultSession } from "next-auth";

type Role = "citizen" | "officer" | "ioc";

declare module "next-auth" {
  interface Session {
    user: { id: string; role?: Role; agency?: string } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
    agency?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
    agency?: string;
    /** Session id (new at each sign-in; the revocation key), sign-in time and last activity, in seconds. */
    sid?: string;
    authTime?: number;
    lastSeen?: number;
  }
}
