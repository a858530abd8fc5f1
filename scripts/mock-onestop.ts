// The mock One-Stop service on its own: `tsx scripts/mock-onestop.ts` (PORT, APP_ORIGIN). A demo server
// with no ONESTOP_URL starts the same mock itself; run this one to watch or drive it separately.
import { createMockOneStop } from "../lib/onestop/mock-server";
import { DEMO_ONESTOP_OUTBOUND_KEY } from "../lib/onestop/config";
import { demoAgencyKeys } from "../lib/gov/api-keys";

const port = Number(process.env.PORT ?? 4000);
const appOrigin = process.env.APP_ORIGIN ?? "http://localhost:3000";
const mock = createMockOneStop({ apiKey: DEMO_ONESTOP_OUTBOUND_KEY, callbackUrl: `${appOrigin}/api/gov/onestop/status`, callbackKey: demoAgencyKeys.onestop });
mock.server.listen(port, "127.0.0.1", () => console.log(`Mock One-Stop service on http://127.0.0.1:${port}, calling back ${appOrigin}`));
