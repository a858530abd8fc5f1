import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env, vneidIssuer } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { authenticateStaff } from "@/lib/auth/staff";
import { clientIp } from "@/lib/oidc/client-ip";

const SESSION_HOURS = 8;

/** Auth.js as the OIDC client of VNeID: issuer, client id and secret come from env, so the real VNeID plugs in by configuration. */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  return {
    trustHost: true,
    secret: e.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    providers: [
      {
        id: "vneid",
        name: "VNeID",
        type: "oidc",
        issuer: vneidIssuer(),
        clientId: e.VNEID_CLIENT_ID,
        clientSecret: e.VNEID_CLIENT_SECRET,
        checks: ["pkce", "state", "nonce"],
        authorization: { params: { scope: "openid profile" } },
        profile: (profile) => ({ id: String(profile.sub), name: typeof profile.name === "string" ? profile.name : null }),
      },
      Credentials({
        id: "staff",
        name: "Staff",
        credentials: { username: {}, password: {} },
        async authorize(credentials, request) {
          const result = await authenticateStaff(await getDb(), credentials, clientIp(request.headers));
          if (!result.ok) throw new CredentialsSignin(result.reason);
          const { staff } = result;
          return { id: `staff:${staff.username}`, name: staff.fullName, role: staff.role, agency: staff.agency };
        },
      }),
    ],
    callbacks: {
      jwt({ token, profile, user, account }) {
        if (account?.provider === "vneid" && profile?.sub) {
          token.sub = String(profile.sub);
          token.role = "citizen";
          token.agency = undefined;
        } else if (account?.provider === "staff" && user) {
          token.sub = user.id;
          token.role = user.role;
          token.agency = user.agency;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.user.role = token.role;
        session.user.agency = token.agency;
        return session;
      },
    },
    pages: { signIn: "/login", error: "/login" },
  };
});
