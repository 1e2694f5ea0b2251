/** Markdown tables of the benchmark's measurements: one row per run, a median row per variant, and ratios. */
import type { RunResult, Variant } from "./variants.ts";

const MIB = 1024 * 1024;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const fixed = (value: number | undefined, digits = 2) => (value === undefined ? "—" : value.toFixed(digits));

/** One run reduced to numbers, so a median row is the median of each column. */
interface Row {
  ingest?: number;
  render?: number;
  index?: number;
  wall: number;
  cpu: number;
  pages: number;
  articlesPerSecond: number;
  peakRssMiB: number;
  outputMiB: number;
}

function toRow(run: RunResult, articles: number): Row {
  return {
    ingest: run.stages.ingest,
    render: run.stages.render,
    index: run.stages.index,
    wall: run.wallS,
    cpu: run.cpuS,
    pages: run.pages,
    articlesPerSecond: articles / run.wallS,
    peakRssMiB: run.peakRssBytes / MIB,
    outputMiB: run.outputBytes / MIB,
  };
}

function medianRow(rows: Row[]): Row {
  const of = (pick: (row: Row) => number | undefined) => {
    const values = rows.map(pick).filter((value): value is number => value !== undefined);
    return values.length > 0 ? median(values) : undefined;
  };
  return {
    ingest: of((row) => row.ingest),
    render: of((row) => row.render),
    index: of((row) => row.index),
    wall: of((row) => row.wall)!,
    cpu: of((row) => row.cpu)!,
    pages: of((row) => row.pages)!,
    articlesPerSecond: of((row) => row.articlesPerSecond)!,
    peakRssMiB: of((row) => row.peakRssMiB)!,
    outputMiB: of((row) => row.outputMiB)!,
  };
}

function formatRow(label: string, run: string, row: Row): string {
  const cells = [
    label,
    run,
    fixed(row.ingest),
    fixed(row.render),
    fixed(row.index),
    fixed(row.wall),
    fixed(row.cpu),
    String(Math.round(row.pages)),
    fixed(row.articlesPerSecond, row.articlesPerSecond < 10 ? 1 : 0),
    fixed(row.peakRssMiB, 0),
    fixed(row.outputMiB, 1),
  ];
  return `| ${cells.join(" | ")} |`;
}

export interface BenchTables {
  markdown: string;
  medians: Partial<Record<Variant, Row>>;
}

export function runsTable(runs: RunResult[], articles: number): BenchTables {
  const lines = [
    "| Variant | Run | Ingest s | Render s | Index s | Wall s | CPU s | Pages | Articles/s | Peak RSS MiB | Output MiB |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  const medians: Partial<Record<Variant, Row>> = {};
  for (const variant of ["full", "floor"] as const) {
    const ok = runs.filter((run) => run.variant === variant && run.ok);
    ok.forEach((run, i) => {
      lines.push(formatRow(variant, String(i + 1), toRow(run, articles)));
    });
    if (ok.length > 0) {
      medians[variant] = medianRow(ok.map((run) => toRow(run, articles)));
      lines.push(formatRow(`**${variant}**`, "**median**", medians[variant]!));
    }
  }
  const { full, floor } = medians;
  if (full && floor) {
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    lines.push(
      "",
      `Full/floor (medians): wall ${ratio(full.wall, floor.wall)}, CPU ${ratio(full.cpu, floor.cpu)}, ` +
        `peak RSS ${ratio(full.peakRssMiB, floor.peakRssMiB)}, output ${ratio(full.outputMiB, floor.outputMiB)}, ` +
        `pages ${ratio(full.pages, floor.pages)}.`,
    );
  }
  return { markdown: lines.join("\n"), medians };
}

export function singleRunLine(label: string, run: RunResult): string {
  if (!run.ok) return `${label}: failed — ${run.error ?? "no summary line"}`;
  return (
    `${label}: wall ${fixed(run.wallS)} s, CPU ${fixed(run.cpuS)} s, ${run.pages} pages, ` +
    (run.built === undefined ? "" : `${run.built} articles, ${run.rejected ?? 0} rejected, `) +
    `peak RSS ${fixed(run.peakRssBytes / MIB, 0)} MiB`
  );
}
