import { getTranslations } from "next-intl/server";
import type { Status } from "@/lib/dossiers/status";

const tone: Record<Status, string> = {
  prepared: "bg-amber-50 text-amber-900 ring-amber-300",
  submitted: "bg-sky-50 text-sky-900 ring-sky-300",
  received: "bg-sky-50 text-sky-900 ring-sky-300",
  processing: "bg-sky-50 text-sky-900 ring-sky-300",
  approved: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  delivered: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  needs_info: "bg-orange-50 text-orange-900 ring-orange-300",
  declined: "bg-stone-100 text-stone-800 ring-stone-300",
  expired: "bg-stone-100 text-stone-800 ring-stone-300",
  rejected: "bg-red-50 text-red-900 ring-red-300",
};

// Status is told by word and icon, never by colour alone.
const icon: Record<Status, string> = {
  prepared: "M4 13.5V16h2.5l7.4-7.4-2.5-2.5L4 13.5zm11.7-6.8a.7.7 0 0 0 0-1l-1.4-1.4a.7.7 0 0 0-1 0l-1.2 1.2 2.5 2.5 1.1-1.3z",
  submitted: "M3 10h10m0 0-4-4m4 4-4 4M16 4v12",
  received: "M3 11h4l1 2h4l1-2h4M4 11l2-6h8l2 6v5H4v-5z",
  processing: "M10 4v6l4 2M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
  approved: "M6 10.5l2.5 2.5L14 7.5M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
  delivered: "M6 10.5l2.5 2.5L14 7.5M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
  needs_info: "M10 6v5m0 3h.01M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
  declined: "M7 7l6 6m0-6-6 6M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
  expired: "M10 4v6l4 2M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
  rejected: "M7 7l6 6m0-6-6 6M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
};

export function StatusIcon({ status, className = "h-5 w-5" }: { status: Status; className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" className={className} aria-hidden="true">
      <path d={icon[status]} />
    </svg>
  );
}

export async function StatusBadge({ status }: { status: Status }) {
  const t = await getTranslations("status");
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full px-3 py-1 text-sm font-semibold ring-1 ${tone[status]}`}
      data-status={status}
    >
      <StatusIcon status={status} className="h-4 w-4" />
      {t(status)}
    </span>
  );
}
