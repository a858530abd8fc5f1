"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { usePathname } from "next/navigation";
import * as clock from "@/lib/clock";
import { formatTimeAndDay } from "@/lib/dates";
import { hasUnsentInput } from "./unsent-input";
import { startOutbox } from "./outbox";

interface Text {
  offlineBanner: string;
  cachedCopy: string;
  updateReady: string;
  update: string;
  install: string;
  installButton: string;
  dismiss: string;
}

type InstallPrompt = Event & { prompt: () => Promise<void> };

function subscribeOnline(notify: () => void) {
  window.addEventListener("online", notify);
  window.addEventListener("offline", notify);
  return () => {
    window.removeEventListener("online", notify);
    window.removeEventListener("offline", notify);
  };
}

/** Service-worker registration, the "new version" prompt, our own install hint and the offline banner. */
// A page rendered longer ago than this when it loads came from the service worker's copy, not the network.
const CACHED_AFTER_MS = 90_000;
// When this page's scripts first ran: once per full page load, as the layout's render time is.
const loadedAt = typeof window === "undefined" ? 0 : clock.now().getTime();
const noSubscription = () => () => undefined;

export function PwaShell({ text, updatedAt, renderedAt }: { text: Text; updatedAt: string; renderedAt: string }) {
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  // Online but on a network so slow that the service worker gave up waiting: say the page is a saved copy.
  const cached = useSyncExternalStore(noSubscription, () => loadedAt - Date.parse(renderedAt) > CACHED_AFTER_MS, () => false);
  const cachedAt = cached ? renderedAt : null;
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  const [installPrompt, setInstallPrompt] = useState<InstallPrompt | null>(null);
  const pathname = usePathname();

  // Whatever waits in the outbox (from before a reload or a sign-in) is shown and sent from any page.
  useEffect(startOutbox, []);

  useEffect(() => {
    if (navigator.onLine) navigator.serviceWorker?.controller?.postMessage({ type: "CACHE_PAGE", url: pathname });
  }, [pathname]);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let reloading = false;
    const onControllerChange = () => {
      // Never over unsent input: the new version is used from the next page the citizen opens.
      if (reloading || !waiting || hasUnsentInput()) return;
      reloading = true;
      window.location.reload();
    };
    navigator.serviceWorker.addEventListener("controllerchange", onControllerChange);
    const register = () =>
      navigator.serviceWorker.register("/sw.js").then((registration) => {
        if (registration.waiting && navigator.serviceWorker.controller) setWaiting(registration.waiting);
        registration.addEventListener("updatefound", () => {
          const next = registration.installing;
          next?.addEventListener("statechange", () => {
            if (next.state === "installed" && navigator.serviceWorker.controller) setWaiting(next);
          });
        });
      }, () => undefined);
    // After the load event: on a cold phone the worker's precache must not compete with the first page.
    if (document.readyState === "complete") void register();
    else window.addEventListener("load", register, { once: true });
    return () => {
      window.removeEventListener("load", register);
      navigator.serviceWorker.removeEventListener("controllerchange", onControllerChange);
    };
  }, [waiting]);

  useEffect(() => {
    const onPrompt = (event: Event) => {
      event.preventDefault();
      if (localStorage.getItem("install-hint-dismissed") !== "1") setInstallPrompt(event as InstallPrompt);
    };
    window.addEventListener("beforeinstallprompt", onPrompt);
    return () => window.removeEventListener("beforeinstallprompt", onPrompt);
  }, []);

  return (
    <>
      {!online && (
        <p role="status" className="sticky top-0 z-20 bg-stone-800 px-4 py-2 text-center text-sm font-semibold text-white">
          {text.offlineBanner.replace("{time}", updatedAt)}
        </p>
      )}
      {online && cachedAt && (
        <p role="status" data-cached-copy className="sticky top-0 z-20 bg-stone-800 px-4 py-2 text-center text-sm font-semibold text-white">
          {text.cachedCopy.replace("{time}", formatTimeAndDay(cachedAt))}
        </p>
      )}
      {waiting && (
        <div role="status" className="fixed inset-x-3 bottom-20 z-30 flex items-center gap-3 rounded-xl bg-slate-800 p-3 text-white shadow-lg">
          <span className="flex-1 text-sm">{text.updateReady}</span>
          <button
            type="button"
            onClick={() => {
              waiting.postMessage({ type: "SKIP_WAITING" });
              if (hasUnsentInput()) setWaiting(null);
            }} className="min-h-11 rounded-lg bg-white px-4 font-semibold text-slate-900">
            {text.update}
          </button>
        </div>
      )}
      {installPrompt && !waiting && (
        <div role="dialog" aria-label={text.installButton} className="fixed inset-x-3 bottom-20 z-30 rounded-xl bg-white p-3 shadow-lg ring-1 ring-stone-300">
          <p className="text-sm">{text.install}</p>
          <div className="mt-2 flex justify-end gap-2">
            <button
              type="button"
              onClick={() => {
                localStorage.setItem("install-hint-dismissed", "1");
                setInstallPrompt(null);
              }}
              className="min-h-11 rounded-lg px-3 font-semibold text-stone-700"
            >
              {text.dismiss}
            </button>
            <button
              type="button"
              onClick={async () => {
                await installPrompt.prompt();
                setInstallPrompt(null);
              }}
              className="min-h-11 rounded-lg bg-brand px-4 font-semibold text-white"
            >
              {text.installButton}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
