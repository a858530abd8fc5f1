import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env, vneidIssuer } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { authenticateStaff } from "@/lib/auth/staff";
import { clientIp } from "@/lib/oidc/client-ip";
import { log } from "@/lib/log";
import { safeReturnUrl } from "@/lib/security/safe-return";
import { sessionCookie } from "@/lib/security/session-cookie";
import { continueSession, IDLE_TIMEOUT_SECONDS, nowSeconds, startSession } from "@/lib/security/session-policy";
import { isSessionRevoked, revokeSession } from "@/lib/security/session-revocation";

/** Auth.js as the OIDC client of VNeID: issuer, client id and secret come from env, so the real VNeID plugs in by configuration. */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  return {
    trustHost: true,
    secret: e.AUTH_SECRET,
    // The cookie and the JWT live 15 minutes from the last activity (proxy.ts refreshes them); the jwt
    // callback also enforces the idle and the 8-hour absolute limit, and the revocation list.
    session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS },
    useSecureCookies: sessionCookie(e).options.secure,
    cookies: { sessionToken: sessionCookie(e) },
    logger: {
      error: (error) => log.error({ err: error }, "auth error"),
      warn: (code) => log.warn({ code }, "auth warning"),
      debug: () => {},
    },
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
      // Every return target after sign-in or sign-out passes the one safe-return gate.
      redirect: ({ url }) => safeReturnUrl(url),
      async jwt({ token, profile, user, account }) {
        const now = nowSeconds();
        if (account?.provider === "vneid" && profile?.sub) {
          return startSession({ ...token, sub: String(profile.sub), role: "citizen" as const, agency: undefined }, now);
        }
        if (account?.provider === "staff" && user) {
          return startSession({ ...token, sub: user.id, role: user.role, agency: user.agency }, now);
        }
        const db = await getDb();
        return continueSession(token, now, (sid) => isSessionRevoked(db, sid));
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.user.role = token.role;
        session.user.agency = token.agency;
        return session;
      },
    },
    events: {
      // A JWT cannot be recalled: its session id goes on the revocation list until it would expire.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (typeof token?.sid === "string") await revokeSession(await getDb(), token.sid, typeof token.authTime === "number" ? token.authTime : undefined);
      },
    },
    pages: { signIn: "/login", error: "/login" },
  };
});
