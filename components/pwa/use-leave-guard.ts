"use client";

import { useEffect } from "react";
import { hasUnsentInput, onUnsentChange } from "./unsent-input";

// Switching language reloads the same page and the draft is restored there, so it needs no warning.
const keepsDraft = (form: HTMLFormElement) => new URL(form.action, location.href).pathname === "/locale";

/**
 * Warns before the citizen leaves a page with unsent input: closing or reloading (beforeunload), a link
 * (click), and the browser's back button (a guard history entry, since an app-router back is no unload).
 */
export function useLeaveGuard(message: string) {
  useEffect(() => {
    let exempt = false;
    let guarded = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsentInput() || exempt) return;
      event.preventDefault();
      event.returnValue = "";
    };
    const onSubmit = (event: SubmitEvent) => {
      if (event.target instanceof HTMLFormElement && keepsDraft(event.target)) exempt = true;
    };
    const onClick = (event: MouseEvent) => {
      if (!hasUnsentInput() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank") return;
      const to = new URL(link.href, location.href);
      if (to.origin === location.origin && to.pathname === location.pathname && to.search === location.search) return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    const guard = () => {
      if (guarded || !hasUnsentInput()) return;
      guarded = true;
      history.pushState(history.state, "", location.href);
    };
    const onPopState = () => {
      if (!guarded) return;
      guarded = false;
      if (hasUnsentInput() && !window.confirm(message)) guard();
      else history.back();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("submit", onSubmit, true);
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", onPopState);
    const stop = onUnsentChange(guard);
    return () => {
      stop();
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("submit", onSubmit, true);
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", onPopState);
    };
  }, [message]);
}
