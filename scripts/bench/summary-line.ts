/**
 * Reads the full build's summary line, e.g.
 *   built 998 articles (1000 new, …; 1000 parsed), 2 rejected, 4321 pages (0 unchanged) → out
 *     [ingest 1.23 s, render 3.45 s, index 1.11 s, total 5.79 s]
 * (one line; see src/pipeline/index.ts) leniently: stage names and their order may change, and a figure
 * may be given in ms or s.
 */
export interface BuildSummary {
  articles?: number;
  rejected?: number;
  pages?: number;
  /** Stage name → seconds, e.g. { ingest: 1.23, render: 3.45, index: 1.11, total: 5.79 }. */
  stages: Record<string, number>;
}

export function parseSummaryLine(output: string): BuildSummary | undefined {
  const line = output
    .split("\n")
    .reverse()
    .find((candidate) => /^\s*built\b/i.test(candidate));
  if (!line) return undefined;
  const count = (pattern: RegExp) => {
    const match = pattern.exec(line);
    return match ? Number(match[1]) : undefined;
  };
  const stages: Record<string, number> = {};
  const bracket = /\[([^\]]*)\]/.exec(line)?.[1] ?? "";
  for (const match of bracket.matchAll(/([a-z][\w+/ -]*?)\s*[:=]?\s*(\d+(?:\.\d+)?)\s*(ms|s)\b/gi)) {
    const seconds = Number(match[2]) / (match[3]!.toLowerCase() === "ms" ? 1000 : 1);
    stages[match[1]!.trim().toLowerCase()] = seconds;
  }
  return {
    articles: count(/built (\d+) articles?/i),
    rejected: count(/(\d+) rejected/i),
    pages: count(/(\d+) pages?/i),
    stages,
  };
}
