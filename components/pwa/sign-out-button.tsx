"use client";

import { clear } from "idb-keyval";

/** Clears this person's offline copies before the sign-out request (the server also sends Clear-Site-Data). */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="submit"
      onClick={() => {
        navigator.serviceWorker?.controller?.postMessage({ type: "CLEAR_PERSONAL_DATA" });
        void clear();
      }}
      className="flex min-h-12 w-full items-center justify-center rounded-lg bg-white font-semibold text-red-800 ring-2 ring-red-800"
    >
      {label}
    </button>
  );
}
