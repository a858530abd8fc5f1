"use client";

import Link from "next/link";
import { useSyncExternalStore, type ComponentProps } from "react";
import { prefetchAllowed, type ConnectionInfo } from "@/lib/offline/connection";

type Connection = ConnectionInfo & EventTarget;

const connection = () => (navigator as Navigator & { connection?: Connection }).connection;

function subscribe(notify: () => void) {
  connection()?.addEventListener("change", notify);
  return () => connection()?.removeEventListener("change", notify);
}

/**
 * next/link that prefetches only on a fast connection without Save-Data. Hydrates with prefetch off
 * (the server cannot know the link), then turns it on where the phone allows.
 */
export function AdaptiveLink({ prefetch, ...props }: ComponentProps<typeof Link>) {
  const allowed = useSyncExternalStore(subscribe, () => prefetchAllowed(connection()), () => false);
  return <Link {...props} prefetch={allowed ? prefetch : false} />;
}
