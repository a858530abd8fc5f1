import { z } from "zod";

/** A dossier's human code, HS-YYYY-NNNNNN: the one shape routes, actions and APIs accept. */
export const dossierCodeSchema = z.string().regex(/^HS-\d{4}-\d{6}$/);
