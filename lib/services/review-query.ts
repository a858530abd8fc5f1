import { z } from "zod";
import { decideErrors } from "./proposals";

/** The review page's URL answer after a decision: anything else in `error` is dropped, never made into a message key. */
export const reviewQuery = z.object({
  done: z.enum(["approve", "return"]).optional().catch(undefined),
  error: z.enum([...decideErrors, "failed"]).optional().catch(undefined),
});
