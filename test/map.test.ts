/** Maps and coverage timelines drawn at build time (src/render/map.ts, src/render/coverage.ts). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { coverageChart } from "../src/render/coverage.ts";
import { drawMap } from "../src/render/map.ts";

const places = [
  { name: "Quetta", lat: 30.18, lon: 67.0 },
  { name: "Mastung", lat: 29.8, lon: 66.84 },
  { name: 'Gwadar <Port> & "Bay"', lat: 25.12, lon: 62.33 },
];

test("a map is an SVG image with a circle per place, outlines, escaped names and no style attribute", () => {
  const svg = drawMap(places, "Map of <the> places")!;
  assert.match(svg, /^<svg class="map" viewBox="0 0 640 400" role="img" aria-label="Map of &lt;the&gt; places"/);
  assert.equal([...svg.matchAll(/<circle /g)].length, 3);
  assert.ok(svg.includes("<title>Gwadar &lt;Port&gt; &amp; &quot;Bay&quot;</title>"));
  assert.ok(!svg.includes("<Port>"));
  assert.ok(svg.includes('class="map-land"'));
  assert.doesNotMatch(svg, /\sstyle=/);
  // Every coordinate has at most one decimal digit, and every circle lies inside the frame.
  assert.doesNotMatch(svg, /\d\.\d\d/);
  for (const [, x, y] of svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)"/g)) {
    assert.ok(Number(x) >= 0 && Number(x) <= 640 && Number(y) >= 0 && Number(y) <= 400, `${x},${y}`);
  }
  assert.equal(drawMap([], "none"), null);
});

test("a map is the same string for the same places, whatever was drawn before", () => {
  const first = drawMap(places, "Map");
  drawMap([{ name: "New York", lat: 40.7, lon: -74 }, ...places], "Map");
  assert.equal(drawMap(structuredClone(places), "Map"), first);
});

test("the coverage timeline has a bar per day with articles over every day of the span", () => {
  const chart = coverageChart(["2026-02-01", "2026-02-03", "2026-02-03", "2026-02-05"])!;
  assert.deepEqual(
    chart.days.map((d) => d.articles),
    [1, 0, 2, 0, 1],
  );
  assert.equal([...chart.svg.matchAll(/<rect class="coverage-bar"/g)].length, 3);
  assert.match(
    chart.svg,
    /aria-label="Coverage timeline: 4 articles over 5 days, 1 February 2026 to 5 February 2026; most on 3 February 2026 \(2\)"/,
  );
  assert.equal(coverageChart([]), null);
});
