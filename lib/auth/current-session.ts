import { cache } from "react";
import { auth } from "@/auth";

/** The request's session, decoded once however many layouts, pages and components ask for it. */
export const currentSession = cache(() => auth());
