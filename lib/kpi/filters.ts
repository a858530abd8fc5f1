import { z } from "zod";
import { findService } from "../services/catalogue";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The dashboard's query string: anything unknown or malformed means "no filter", never an error page. */
export const kpiFilters = z.object({
  service: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((code) => findService(code) !== undefined)
      .optional(),
  ).catch(undefined),
  commune: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()).catch(undefined),
});

export type KpiFilters = z.infer<typeof kpiFilters>;
