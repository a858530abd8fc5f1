import { mockVneidServed, type Env } from "../env";

const DEMO_ONLY = /^\/(?:api\/)?dev(?:\/|$)/;
const MOCK_VNEID = /^\/vneid(?:\/|$)/;

/**
 * Paths that do not exist in this deployment (proxy.ts answers 404 before any route runs): the SMS
 * simulator outside demo mode, and the mock VNeID once VNEID_ISSUER names another provider.
 */
export function isAbsentSurface(pathname: string, e: Pick<Env, "DEMO_MODE" | "APP_ORIGIN" | "VNEID_ISSUER">): boolean {
  if (!e.DEMO_MODE && DEMO_ONLY.test(pathname)) return true;
  return MOCK_VNEID.test(pathname) && !mockVneidServed(e);
}
