"use client";

import { useEffect, useRef, useSyncExternalStore, type ComponentProps } from "react";
import { useRouter } from "next/navigation";
import { prefetchAllowed, type ConnectionInfo } from "@/lib/offline/connection";

type Connection = ConnectionInfo & EventTarget;

const connection = () => (navigator as Navigator & { connection?: Connection }).connection;

function subscribe(notify: () => void) {
  connection()?.addEventListener("change", notify);
  return () => connection()?.removeEventListener("change", notify);
}

/**
 * A link that navigates in the app (the router Next already loads) and prefetches its route once visible,
 * only on a fast connection without Save-Data. A plain <a> rather than next/link: next/link adds about
 * 4 KB gzipped to every citizen page, more than a third of the page's budget (issue 13).
 */
export function AdaptiveLink({ href, prefetch, onClick, ...props }: ComponentProps<"a"> & { href: string; prefetch?: boolean }) {
  const router = useRouter();
  const ref = useRef<HTMLAnchorElement>(null);
  // Off while hydrating (the server cannot know the link), then on where the phone allows.
  const allowed = useSyncExternalStore(subscribe, () => prefetch !== false && prefetchAllowed(connection()), () => false);
  useEffect(() => {
    const link = ref.current;
    if (!allowed || !link || typeof IntersectionObserver === "undefined") return;
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      router.prefetch(href);
    });
    seen.observe(link);
    return () => seen.disconnect();
  }, [allowed, href, router]);
  return (
    <a
      ref={ref}
      href={href}
      {...props}
      onClick={(event) => {
        onClick?.(event);
        // A new tab, a download or another site is the browser's; the rest stays in the app.
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        if (props.target || props.download !== undefined || new URL(href, location.href).origin !== location.origin) return;
        event.preventDefault();
        router.push(href);
      }}
    />
  );
}
