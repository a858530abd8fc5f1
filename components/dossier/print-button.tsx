"use client";

import { useEffect } from "react";

/** "In": the browser's print dialog for the result page; `auto` opens it on arrival (from the dossier page's button). */
export function PrintButton({ label, auto = false }: { label: string; auto?: boolean }) {
  useEffect(() => {
    if (auto) window.print();
  }, [auto]);
  return (
    <button type="button" onClick={() => window.print()} className="flex min-h-12 w-full items-center justify-center rounded-lg bg-white px-4 font-semibold text-emerald-900 ring-2 ring-emerald-800">
      {label}
    </button>
  );
}
