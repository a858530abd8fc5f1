"use client";

import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  icon: string;
}

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function BottomNav({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="fixed inset-x-0 bottom-0 z-10 border-t print:hidden border-stone-200 bg-white pb-[env(safe-area-inset-bottom)]">
      {/* The first label ("Dành cho bạn") is the longest: it gets the widest column so it stays on one line at 360 px. */}
      <ul className="mx-auto grid max-w-xl grid-cols-[1.35fr_1fr_1fr_1fr]">
        {items.map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`flex min-h-14 flex-col items-center justify-center gap-0.5 px-0.5 py-1.5 text-sm font-medium whitespace-nowrap ${
                  active ? "text-brand" : "text-stone-600"
                }`}
              >
                <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" className="h-6 w-6" aria-hidden="true">
                  <path d={item.icon} />
                </svg>
                <span className={active ? "underline decoration-2 underline-offset-4" : undefined}>{item.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
