import type { ReactNode } from "react";

/** The cell class of a count or rate: right-aligned figures that line up. */
export const num = "px-2 py-2 text-right tabular-nums";
export const cell = "px-2 py-2";
export const rowClass = "border-b border-stone-200";

export interface IocColumn {
  label: string;
  numeric?: boolean;
}

/**
 * The IOC's table shell: scrolls sideways on a phone, one header row of columns; the rows are the
 * caller's. `minWidth` is a Tailwind class written out in the caller (e.g. "min-w-[36rem]").
 */
export function IocTable({ id, minWidth, caption, columns, className = "", children }: { id: string; minWidth: string; caption?: string; columns: IocColumn[]; className?: string; children: ReactNode }) {
  return (
    <div className={`relative overflow-x-auto ${className}`}>
      <table id={id} className={`w-full ${minWidth} text-sm`}>
        {caption && <caption className="py-2 text-left font-semibold">{caption}</caption>}
        <thead>
          <tr className="border-b border-stone-300 text-left">
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? num : cell}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
