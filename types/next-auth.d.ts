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
  }
}
