import NextAuth from "next-auth";
import { env, vneidIssuer } from "@/lib/env";

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
    ],
    callbacks: {
      jwt({ token, profile }) {
        if (profile?.sub) {
          token.sub = String(profile.sub);
          token.role = "citizen";
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.user.role = token.role === "citizen" ? "citizen" : undefined;
        return session;
      },
    },
    pages: { signIn: "/login", error: "/login" },
  };
});
