/**
 * `npm run bench -- --articles N [--runs 3] [--keep] [--seed S] [--query NAME …]
 *    [--skip-full] [--skip-floor] [--skip-rebuild] [--skip-search] [--skip-extraction] [--profile] [--cold]
 *    [--search-input SELECTOR] [--search-result SELECTOR]`
 *
 * Measures the full build of an N-article synthetic corpus against the floor (bare Eleventy
 * + Pagefind over the same texts), alternating runs so drifting machine load hits both alike;
 * then the rebuild after adding one seed, the cost of a search in Chromium, and the CPU per article of
 * cleaning and extraction (in this process, on the corpus and on the project's seeds).
 * Corpora are cached in .bench/corpus-N/; built sites go to .bench/out-N/ (removed unless --keep).
 * --profile: the first full build and the rebuild run under V8's CPU profiler; the report sums each
 * profile up by stage (scripts/bench/profile.ts) and the profiles stay in .bench/profile-N/.
 * --cold: the rebuild is also measured with the page cache dropped first (scripts/bench/page-cache.ts; Linux, as
 * root): after the rebuild, the added seed is edited and the site built again from cold.
 */
import { appendFile, cp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { ensureCorpus, writeExtraArticle } from "./bench/corpus.ts";
import { measureExtraction } from "./bench/extraction.ts";
import { dropPageCache } from "./bench/page-cache.ts";
import { mainProfileIn, profileLines, summarizeProfile } from "./bench/profile.ts";
import { runsTable, singleRunLine } from "./bench/report.ts";
import { measureSearch, type SearchReport } from "./bench/search.ts";
import { REPO_ROOT, type RunResult, runFloor, runFullBuild } from "./bench/variants.ts";
import { parsePositiveInt, runCli } from "./cli.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "1000" },
      runs: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      keep: { type: "boolean", default: false },
      query: { type: "string", multiple: true },
      "skip-full": { type: "boolean", default: false },
      "skip-floor": { type: "boolean", default: false },
      "skip-rebuild": { type: "boolean", default: false },
      "skip-search": { type: "boolean", default: false },
      "skip-extraction": { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      cold: { type: "boolean", default: false },
      "search-input": { type: "string" },
      "search-result": { type: "string" },
    },
  });

  const articles = parsePositiveInt("--articles", values.articles);
  const runs = parsePositiveInt("--runs", values.runs);
  const spec = { articles, seed: parsePositiveInt("--seed", values.seed, 0), seedsDir: path.join(REPO_ROOT, "seeds") };
  const benchDir = path.join(REPO_ROOT, ".bench");
  const corpusDir = path.join(benchDir, `corpus-${articles}`);
  const outRoot = path.join(benchDir, `out-${articles}`);
  const profileRoot = path.join(benchDir, `profile-${articles}`);
  /** Where a profiled run writes its profiles, or undefined without --profile. */
  const profileDir = (run: string) => (values.profile ? path.join(profileRoot, run) : undefined);
  const profileReport: string[] = [];
  async function summarizeRun(label: string, run: string): Promise<void> {
    const dir = profileDir(run);
    const file = dir ? mainProfileIn(dir) : null;
    if (file) profileReport.push("", ...profileLines(label, summarizeProfile(file)));
  }
  /** Surnames from the corpus pools: every corpus of a few hundred articles mentions them. */
  const queries = values.query ?? ["Mengal", "Raisani"];
  const log = (line = "") => console.log(line);
  const since = (started: number) => ((performance.now() - started) / 1000).toFixed(2);

  function machine(): string {
    const cpus = os.cpus();
    const load = os.loadavg().map((value) => value.toFixed(2));
    return (
      `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ` +
      `Node ${process.version}, load average ${load.join(" ")}`
    );
  }

  async function alternateRuns(): Promise<RunResult[]> {
    const results: RunResult[] = [];
    let fullWorks = !values["skip-full"];
    for (let i = 1; i <= runs; i++) {
      if (fullWorks) {
        const run = await runFullBuild(
          corpusDir,
          path.join(outRoot, "full"),
          true,
          i === 1 ? profileDir("full") : undefined,
        );
        if (i === 1) await summarizeRun("profile of run 1 full (cold build)", "full");
        log(singleRunLine(`run ${i} full `, run));
        results.push(run);
        // A build that fails once will fail again: skip the rest rather than wait for it each time.
        if (!run.ok) fullWorks = false;
      }
      if (!values["skip-floor"]) {
        const run = await runFloor(corpusDir, path.join(outRoot, "floor"));
        log(singleRunLine(`run ${i} floor`, run));
        results.push(run);
      }
    }
    return results;
  }

  /** Builds a copy of the corpus, adds one new article, and times the second build. */
  async function measureRebuild(): Promise<string[]> {
    const workDir = path.join(benchDir, `rebuild-${articles}`);
    const seedsCopy = path.join(workDir, "seeds");
    const siteDir = path.join(workDir, "site");
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    await cp(corpusDir, seedsCopy, { recursive: true });
    const first = await runFullBuild(seedsCopy, siteDir);
    if (!first.ok) return [singleRunLine("rebuild: initial build", first)];
    const added = await writeExtraArticle(seedsCopy, spec);
    const second = await runFullBuild(seedsCopy, siteDir, false, profileDir("rebuild"));
    await summarizeRun("profile of the rebuild", "rebuild");
    const lines = [
      singleRunLine(`initial build (${articles})`, first),
      singleRunLine(`rebuild after adding ${added}`, second),
    ];
    if (values.cold) {
      await appendFile(path.join(seedsCopy, added), "\nA line added at the end.\n");
      dropPageCache();
      lines.push(
        singleRunLine(
          `rebuild after editing ${added}, page cache dropped`,
          await runFullBuild(seedsCopy, siteDir, false),
        ),
      );
    }
    if (!values.keep) await rm(workDir, { recursive: true, force: true });
    return lines;
  }

  function searchLines(label: string, report: SearchReport): string[] {
    if (report.skipped !== undefined) return [`${label}: skipped — ${report.skipped}`];
    return [
      `${label}: /search/ page load ${(report.pageLoadBytes / 1024).toFixed(0)} KiB in ${report.pageLoadRequests} requests`,
      ...report.queries.map(
        (query, i) =>
          `  ${i === 0 ? "cold" : "warm"} query "${query.query}": first result ${query.msToFirstResult.toFixed(0)} ms after typing ` +
          `(${query.msSeenByDriver.toFixed(0)} ms as the driver saw it), ` +
          `${(query.bytes / 1024).toFixed(0)} KiB in ${query.requests} requests${query.summary ? ` (${query.summary})` : ""}`,
      ),
    ];
  }

  async function measureSearches(results: RunResult[]): Promise<string[]> {
    const lines: string[] = [];
    for (const variant of ["full", "floor"] as const) {
      if (!results.some((run) => run.variant === variant && run.ok)) continue;
      try {
        const report = await measureSearch({
          siteDir: path.join(outRoot, variant),
          queries,
          inputSelector: values["search-input"],
          resultSelector: values["search-result"],
        });
        lines.push(...searchLines(`search (${variant})`, report));
      } catch (error) {
        lines.push(`search (${variant}): failed — ${error instanceof Error ? error.message.split("\n")[0] : error}`);
      }
    }
    return lines;
  }

  // Before the long builds: a machine that cannot drop its page cache says so now.
  if (values.cold) dropPageCache();
  const started = performance.now();
  log(`machine: ${machine()}`);
  const cached = await ensureCorpus(corpusDir, spec);
  log(
    `corpus: ${articles} articles in ${path.relative(REPO_ROOT, corpusDir)} (${cached ? "cached" : `made in ${since(started)} s`})`,
  );

  const results = await alternateRuns();
  const failed = results.find((run) => !run.ok);
  const { markdown } = runsTable(results, articles);
  const report = [
    `### ${articles} articles, ${runs} runs each (machine: ${machine()})`,
    "",
    markdown,
    "",
    "Stages in seconds of wall time; full-build stages come from its summary line, Wall is the whole child process",
    "(Node and tsx start-up included). CPU = user + system over the process tree. Peak RSS = sum of VmRSS over the tree.",
  ];
  if (failed) report.push("", `A ${failed.variant} run failed:`, "```", failed.error ?? "", "```");
  if (!values["skip-rebuild"] && results.some((run) => run.variant === "full" && run.ok)) {
    report.push("", ...(await measureRebuild()));
  }
  report.push(...profileReport);
  if (!values["skip-search"]) report.push("", ...(await measureSearches(results)));
  if (!values["skip-extraction"]) {
    const knowledge = loadKnowledge();
    for (const [label, dir] of [
      [`the ${articles}-article corpus`, corpusDir],
      ["the project's seeds", spec.seedsDir],
    ] as const) {
      const x = await measureExtraction(dir, knowledge);
      report.push(
        "",
        `extraction (clean + extract) on ${label}: median ${x.medianMs.toFixed(1)} ms CPU per article, ` +
          `90th percentile ${x.p90Ms.toFixed(1)} ms, max ${x.maxMs.toFixed(1)} ms (${x.articles} articles)`,
      );
    }
  }

  log();
  log(report.join("\n"));
  await writeFile(path.join(benchDir, `results-${articles}.md`), `${report.join("\n")}\n`);
  await writeFile(path.join(benchDir, `results-${articles}.json`), `${JSON.stringify(results, null, 2)}\n`);
  if (!values.keep) await rm(outRoot, { recursive: true, force: true });
  log(`\nbench finished in ${since(started)} s; report in .bench/results-${articles}.md`);
  return 0;
});
