import { Group } from "@visx/group";
import { LinePath } from "@visx/shape";
import { scaleLinear, scalePoint } from "@visx/scale";

export interface LineSeries {
  key: string;
  label: string;
  /** A Tailwind stroke class. */
  stroke: string;
  dashed?: boolean;
}

// Phone-width units, as in grouped-bars.tsx.
const WIDTH = 360;
const HEIGHT = 170;
const M = { top: 10, right: 20, bottom: 26, left: 30 };

/** Lines over days, server-rendered SVG; the numbers are in the table under it. */
export function DailyLines({ title, days, series, values, dayLabel }: {
  title: string;
  days: string[];
  series: LineSeries[];
  values: (day: number, key: string) => number;
  dayLabel: (day: string) => string;
}) {
  const max = Math.max(1, ...days.flatMap((_, i) => series.map((s) => values(i, s.key))));
  const x = scalePoint({ domain: days, range: [0, WIDTH - M.left - M.right] });
  const y = scaleLinear({ domain: [0, max], range: [HEIGHT - M.top - M.bottom, 0], nice: true });
  const ticks = y.ticks(4).filter(Number.isInteger);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-2 h-auto w-full max-w-xl" role="img" aria-label={title}>
      <Group left={M.left} top={M.top}>
        {ticks.map((tick) => (
          <Group key={tick} top={y(tick)}>
            <line x2={WIDTH - M.left - M.right} className="stroke-stone-200" />
            <text x={-6} dominantBaseline="middle" textAnchor="end" className="fill-stone-700 text-[12px]">{tick}</text>
          </Group>
        ))}
        {days.map((day, i) =>
          (days.length - 1 - i) % 4 === 0 ? (
            <text key={day} x={x(day)} y={HEIGHT - M.top - M.bottom + 18} textAnchor="middle" className="fill-stone-700 text-[12px]">
              {dayLabel(day)}
            </text>
          ) : null,
        )}
        {series.map((s) => (
          <LinePath
            key={s.key}
            data={days.map((_, i) => i)}
            x={(i) => x(days[i]!) ?? 0}
            y={(i) => y(values(i, s.key))}
            className={`fill-none ${s.stroke}`}
            strokeWidth={2.5}
            strokeDasharray={s.dashed ? "6 4" : undefined}
          />
        ))}
      </Group>
    </svg>
  );
}
