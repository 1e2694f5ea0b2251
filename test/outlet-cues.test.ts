/**
 * Outlets named by wire credits and by the page naming itself (knowledge/outlet-cues.yaml),
 * on short inline texts written for these tests.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { extractMetadata } from "../src/extract/metadata/index.ts";
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from "../src/knowledge/index.ts";
import type { CleanedText, LineRole, Metadata } from "../src/types.ts";
import { tempDir } from "./helpers/temp-dir.ts";

const knowledge = loadKnowledge();

const STORY = "The regional council approved a new budget for road repairs after months of delay.";
const MORE = "Officials said work on the first stretch of the highway would begin next month.";

function metadataOf(rows: [LineRole, string][], using = knowledge): Metadata {
  const lines = rows.map(([role, text], i) => ({ line: i + 1, text, role }));
  const cleaned: CleanedText = {
    lines,
    paragraphs: lines.filter((l) => l.role === "paragraph" || l.role === "subheading"),
    discarded: lines.filter((l) => l.role === "furniture").map((l) => ({ line: l.line, text: l.text, reason: "test" })),
  };
  const source = { file: "t.txt", sha256: "", text: "", firstLine: 1, frontMatter: {}, duplicates: [] };
  return extractMetadata(source, cleaned, using);
}

describe("outlet from a wire credit", () => {
  for (const [opening, outlet] of [
    [`NAIROBI, Kenya (AP) — ${STORY}`, "Associated Press"],
    [`LIMA (Reuters) - ${STORY}`, "Reuters"],
    [`Montevideo (AFP) – ${STORY}`, "Agence France-Presse"],
    [`SEOUL (Yonhap) - ${STORY}`, "Yonhap News Agency"],
  ] as const) {
    test(`"${opening.slice(0, 24)}…" is ${outlet}`, () => {
      const meta = metadataOf([
        ["paragraph", opening],
        ["paragraph", MORE],
      ]);
      assert.equal(meta.outlet, outlet);
      assert.equal(meta.outletFrom, "credit");
      assert.match(meta.outletEvidence ?? "", /\(/);
    });
  }

  test("an agency outlets.yaml does not list is accepted from a dateline credit", () => {
    const meta = metadataOf([["paragraph", `TALLINN (Baltic Wire Service) - ${STORY}`]]);
    assert.equal(meta.outlet, "Baltic Wire Service");
    assert.equal(meta.outletFrom, "credit");
  });

  test("a credit without a place opening the story", () => {
    const meta = metadataOf([["paragraph", `(Reuters) - ${STORY}`]]);
    assert.equal(meta.outlet, "Reuters");
  });

  test("a credit closing the story, only for a listed outlet", () => {
    const closing = metadataOf([
      ["paragraph", STORY],
      ["paragraph", `${MORE} — AFP`],
    ]);
    assert.equal(closing.outlet, "Agence France-Presse");
    assert.equal(closing.outletFrom, "credit");
    const unknown = metadataOf([
      ["paragraph", STORY],
      ["paragraph", `${MORE} — Harbour Gazette`],
    ]);
    assert.equal(unknown.outlet, null);
  });

  test("a bracketed word that is not a wire is no credit", () => {
    const meta = metadataOf([["paragraph", `ROME (UPDATED 2) - ${STORY}`]]);
    assert.equal(meta.outlet, null);
  });
});

describe("outlet from the page naming itself", () => {
  test("a copyright line, listed or not, with the company's suffix dropped", () => {
    const listed = metadataOf([
      ["paragraph", STORY],
      ["footer", "© 2024 Guardian News & Media Limited or its affiliated companies. All rights reserved."],
    ]);
    assert.equal(listed.outlet, "The Guardian");
    assert.equal(listed.outletFrom, "self-mention");
    const unlisted = metadataOf([
      ["paragraph", STORY],
      ["footer", "Copyright © 2025 The Lakeside Chronicle. All rights reserved."],
    ]);
    assert.equal(unlisted.outlet, "The Lakeside Chronicle");
    assert.match(unlisted.outletEvidence ?? "", /^Copyright ©/);
    const bare = metadataOf([
      ["paragraph", STORY],
      ["furniture", "© Reuters 2025"],
    ]);
    assert.equal(bare.outlet, "Reuters");
  });

  test("'Follow X on WhatsApp' and 'Subscribe to X'", () => {
    assert.equal(
      metadataOf([
        ["paragraph", STORY],
        ["furniture", "Follow Dawn on WhatsApp"],
      ]).outlet,
      "Dawn",
    );
    assert.equal(
      metadataOf([
        ["paragraph", STORY],
        ["furniture", "Follow The Mountain Post on Google News"],
      ]).outlet,
      "The Mountain Post",
    );
    assert.equal(
      metadataOf([
        ["paragraph", STORY],
        ["furniture", "Subscribe to The Hindu for the day's top stories"],
      ]).outlet,
      "The Hindu",
    );
  });

  test("page furniture that names no outlet is not one", () => {
    for (const line of [
      "Follow us on Twitter",
      "Follow Us on Facebook",
      "© All rights reserved.",
      "Copyright 2024. All Rights Reserved.",
      "© Getty Images",
      "Subscribe to our newsletter",
    ]) {
      const meta = metadataOf([
        ["paragraph", STORY],
        ["furniture", line],
      ]);
      assert.equal(meta.outlet, null, line);
    }
  });

  test("'Published in X' still comes first; the copyright line before a wire credit", () => {
    const published = metadataOf([
      ["paragraph", `KABUL (AFP) - ${STORY}`],
      ["footer", "Published in Dawn, May 2nd, 2025"],
      ["furniture", "Copyright © 2025 Some Media Group"],
    ]);
    assert.equal(published.outlet, "Dawn");
    const copyright = metadataOf([
      ["paragraph", `KABUL (AFP) - ${STORY}`],
      ["furniture", "© 2025 The Valley Times. All rights reserved."],
    ]);
    assert.equal(copyright.outlet, "The Valley Times");
  });

  test("cues are data: a user's outlet-cues.yaml adds its own, a bad pattern names the file", () => {
    const dir = tempDir("outlet-cues");
    writeFileSync(
      path.join(dir, "outlet-cues.yaml"),
      'cues:\n  - {pattern: "^brought to you by {outlet}$", kind: self-mention, unknown: true}\n',
    );
    const own = loadKnowledge([DEFAULT_KNOWLEDGE_DIR, dir]);
    const meta = metadataOf(
      [
        ["paragraph", STORY],
        ["furniture", "Brought to you by The Coastal Observer"],
      ],
      own,
    );
    assert.equal(meta.outlet, "The Coastal Observer");
    const bad = tempDir("outlet-cues");
    writeFileSync(path.join(bad, "outlet-cues.yaml"), 'cues:\n  - {pattern: "([{outlet}", kind: credit}\n');
    assert.throws(
      () => loadKnowledge([bad]),
      (error: Error) => error.message.includes("outlet-cues.yaml") && !error.message.includes("\n"),
    );
  });
});
