import { Group } from "@visx/group";
import { Bar } from "@visx/shape";
import { scaleBand, scaleLinear } from "@visx/scale";

export interface BarSeries {
  key: string;
  label: string;
  /** A Tailwind fill class. */
  fill: string;
}

// A phone-width drawing: on a 390 px screen one unit is about one pixel, so the texts stay readable.
const WIDTH = 360;
const LABEL_WIDTH = 130;
const ROW = 48;

/**
 * Horizontal grouped bars rendered to SVG on the server (no script). The figures are in the table the
 * chart sits beside, so the picture is one image with a title for assistive technology.
 */
export function GroupedBars({ title, rows, series, format }: {
  title: string;
  rows: { label: string; values: Record<string, number> }[];
  series: BarSeries[];
  format: (n: number) => string;
}) {
  const height = Math.max(1, rows.length) * ROW + 24;
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const x = scaleLinear({ domain: [0, max], range: [0, WIDTH - LABEL_WIDTH - 40] });
  const y = scaleBand({ domain: rows.map((_, i) => String(i)), range: [0, rows.length * ROW], padding: 0.2 });
  const inner = scaleBand({ domain: series.map((s) => s.key), range: [0, y.bandwidth()], padding: 0.1 });
  return (
    <figure className="mt-4">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full max-w-xl" role="img" aria-label={title}>
        <Group left={LABEL_WIDTH}>
          {rows.map((row, i) => (
            <Group key={row.label} top={y(String(i)) ?? 0}>
              <text x={-8} y={y.bandwidth() / 2} textAnchor="end" dominantBaseline="middle" className="fill-stone-800 text-[12px]">
                {row.label.length > 17 ? `${row.label.slice(0, 16)}…` : row.label}
              </text>
              {series.map((s) => {
                const value = row.values[s.key] ?? 0;
                const top = inner(s.key) ?? 0;
                return (
                  <Group key={s.key}>
                    <Bar x={0} y={top} width={x(value)} height={inner.bandwidth()} className={s.fill} />
                    <text x={x(value) + 4} y={top + inner.bandwidth() / 2} dominantBaseline="middle" className="fill-stone-800 text-[12px] font-semibold">
                      {format(value)}
                    </text>
                  </Group>
                );
              })}
            </Group>
          ))}
        </Group>
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-sm">
        {series.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-2">
            <svg aria-hidden="true" width="14" height="14"><rect width="14" height="14" className={s.fill} /></svg>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
