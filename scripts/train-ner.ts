/**
 * `npm run train-ner -- [--data FILE] [--out FILE] [--epochs N]`
 * Trains the named-entity tagger (src/extract/entities/ner/) on the CoNLL-2003 English training
 * split in its token format (default ../shared/benchmarks/conll2003/train.conll) and writes its
 * weights to src/extract/entities/ner/model.json.gz. Deterministic: documents are shuffled with a
 * fixed seed, features are kept in a stable order, and the same data gives a byte-identical file.
 * Only the test split's absence matters here: never train on CoNLL's testa or testb.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { UsageError } from "../src/errors.ts";
import {
  allowed,
  historyFeatures,
  normalise,
  remember,
  sentenceFeatures,
  shape,
  TAGS,
} from "../src/extract/entities/ner/features.ts";
import { nerGazetteer } from "../src/extract/entities/ner/gazetteer.ts";
import { MODEL_FILE, type ModelFile } from "../src/extract/entities/ner/model.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { mulberry32 } from "./bench/prng.ts";
import { runCli } from "./cli.ts";

interface Sentence {
  words: string[];
  tags: string[];
}

/** Documents of sentences from the CoNLL token format; IOB1 tags become BILOU. */
function readConll(text: string): Sentence[][] {
  const documents: Sentence[][] = [];
  let document: Sentence[] = [];
  let words: string[] = [];
  let iob: string[] = [];
  const endSentence = () => {
    if (words.length) document.push({ words, tags: bilou(iob) });
    words = [];
    iob = [];
  };
  for (const line of text.split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === "-DOCSTART-") {
      endSentence();
      if (document.length) documents.push(document);
      document = [];
    } else if (!line.trim()) endSentence();
    else {
      words.push(fields[0]!);
      iob.push(fields.at(-1)!);
    }
  }
  endSentence();
  if (document.length) documents.push(document);
  return documents;
}

function bilou(iob: string[]): string[] {
  const type = (tag: string | undefined) => (tag && tag !== "O" ? tag.slice(2) : null);
  const begins = (i: number) =>
    type(iob[i]) !== null && (iob[i]!.startsWith("B-") || type(iob[i - 1]) !== type(iob[i]));
  return iob.map((tag, i) => {
    const t = type(tag);
    if (!t) return "O";
    const first = begins(i);
    const last = type(iob[i + 1]) !== t || begins(i + 1);
    return `${first && last ? "U" : first ? "B" : last ? "L" : "I"}-${t}`;
  });
}

/** Averaged perceptron weights with lazy averaging (each weight's sum is brought up to date when it changes). */
class Weights {
  ids = new Map<string, number>();
  names: string[] = [];
  private w = new Float64Array(0);
  private sum = new Float64Array(0);
  private stamp = new Float64Array(0);
  clock = 0;
  constructor(private readonly classes: number) {}

  id(name: string, create: boolean): number {
    let id = this.ids.get(name);
    if (id === undefined && create) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      if ((id + 1) * this.classes > this.w.length) this.grow();
    }
    return id ?? -1;
  }

  private grow(): void {
    const size = Math.max(1 << 16, this.w.length * 2);
    for (const key of ["w", "sum", "stamp"] as const) {
      const next = new Float64Array(size);
      next.set(this[key]);
      this[key] = next;
    }
  }

  score(ids: readonly number[], scores: Float64Array): void {
    for (const id of ids) {
      if (id < 0) continue;
      const base = id * this.classes;
      for (let t = 0; t < this.classes; t++) scores[t]! += this.w[base + t]!;
    }
  }

  update(ids: readonly number[], tag: number, delta: number): void {
    for (const id of ids) {
      if (id < 0) continue;
      const k = id * this.classes + tag;
      this.sum[k]! += (this.clock - this.stamp[k]!) * this.w[k]!;
      this.stamp[k] = this.clock;
      this.w[k]! += delta;
    }
  }

  averaged(id: number, tag: number): number {
    const k = id * this.classes + tag;
    return (this.sum[k]! + (this.clock - this.stamp[k]!) * this.w[k]!) / this.clock;
  }
}

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: "../shared/benchmarks/conll2003/train.conll" },
      out: { type: "string", default: fileURLToPath(MODEL_FILE) },
      epochs: { type: "string", default: "12" },
      "min-count": { type: "string", default: "2" },
      dropout: { type: "string", default: "0.3" },
    },
  });
  const epochs = Number(values.epochs);
  const minCount = Number(values["min-count"]);
  if (!(epochs > 0) || !(minCount > 0)) throw new UsageError("--epochs and --min-count take positive numbers");
  if (/testb|test\.conll|eng\.testa|testa/i.test(values.data!))
    throw new UsageError("train on the training split only");
  let text: string;
  try {
    text = readFileSync(values.data!, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read training data ${values.data}: ${(error as Error).message}`);
  }
  const documents = readConll(text);
  const gazetteer = nerGazetteer(loadKnowledge());
  const started = Date.now();

  // Static features once; those seen fewer than min-count times are dropped.
  const statics = documents.map((doc) => doc.map((sentence) => sentenceFeatures(sentence.words, gazetteer)));
  const counts = new Map<string, number>();
  for (const doc of statics)
    for (const sentence of doc)
      for (const token of sentence) for (const f of token) counts.set(f, (counts.get(f) ?? 0) + 1);
  const weights = new Weights(TAGS.length);
  const kept = [...counts.keys()].filter((f) => counts.get(f)! >= minCount).sort();
  for (const f of kept) weights.id(f, true);
  const staticIds = statics.map((doc) =>
    doc.map((sentence) => sentence.map((token) => token.map((f) => weights.id(f, false)).filter((id) => id >= 0))),
  );
  // Word dropout: features naming the word itself are left out of a share of capitalised tokens, so
  // that names the training data never saw are learnt from their shape, affixes and context.
  const identity = (name: string) => /^(?:w=|w-1\|w=|w\|w\+1=|t-1\|w=|hist)/.test(name);
  const general = staticIds.map((doc) =>
    doc.map((sentence) => sentence.map((ids) => ids.filter((id) => !identity(weights.names[id]!)))),
  );
  const dropout = Number(values.dropout);
  const tagIndex = new Map(TAGS.map((tag, i) => [tag, i]));
  const tokens = documents.reduce((n, doc) => n + doc.reduce((m, s) => m + s.words.length, 0), 0);
  console.log(`${documents.length} documents, ${tokens} tokens, ${kept.length} of ${counts.size} static features kept`);

  const next = mulberry32(20030);
  const order = documents.map((_, i) => i);
  const scores = new Float64Array(TAGS.length);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (const d of order) {
      const seen = new Map<string, string>();
      documents[d]!.forEach((sentence, s) => {
        const tags: string[] = [];
        for (let i = 0; i < sentence.words.length; i++) {
          const word = sentence.words[i]!;
          const drop = /^\p{Lu}/u.test(word) && next() < dropout;
          const history = historyFeatures(tags, i, normalise(word), shape(word), seen)
            .filter((f) => !drop || !identity(f))
            .map((f) => weights.id(f, true));
          const ids = [...(drop ? general : staticIds)[d]![s]![i]!, ...history];
          scores.fill(0);
          weights.score(ids, scores);
          const previous = i > 0 ? tags[i - 1]! : "O";
          let best = -1;
          for (let t = 0; t < TAGS.length; t++) {
            const tag = TAGS[t]!;
            if (!allowed(previous, tag) || (i === sentence.words.length - 1 && (tag[0] === "B" || tag[0] === "I")))
              continue;
            if (best < 0 || scores[t]! > scores[best]!) best = t;
          }
          const gold = tagIndex.get(sentence.tags[i]!)!;
          weights.clock++;
          if (best !== gold) {
            errors++;
            weights.update(ids, gold, 1);
            weights.update(ids, best, -1);
          }
          tags.push(TAGS[best]!);
        }
        remember(seen, sentence.words, tags);
      });
    }
    console.log(`epoch ${epoch}: ${((100 * errors) / tokens).toFixed(2)}% tokens wrong`);
  }

  // Averaged weights, quantised to whole steps; features whose weights all round to zero are dropped.
  let largest = 0;
  for (let id = 0; id < weights.names.length; id++)
    for (let t = 0; t < TAGS.length; t++) largest = Math.max(largest, Math.abs(weights.averaged(id, t)));
  const step = largest / 4000;
  const features: [string, number[]][] = [];
  const byName = weights.names.map((name, id) => [name, id] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [name, id] of byName) {
    const pairs: number[] = [];
    for (let t = 0; t < TAGS.length; t++) {
      const q = Math.round(weights.averaged(id, t) / step);
      if (q !== 0) pairs.push(t, Math.max(-32768, Math.min(32767, q)));
    }
    if (pairs.length) features.push([name, pairs]);
  }
  const model: ModelFile = {
    format: 1,
    about:
      "Named-entity tagger weights (averaged perceptron) derived from the CoNLL-2003 English training split (Reuters RCV1, research use); written by npm run train-ner.",
    tags: TAGS,
    step: Number(step.toPrecision(6)),
    features,
  };
  const gz = gzipSync(Buffer.from(JSON.stringify(model)), { level: 9 });
  gz[9] = 255; // The header's OS byte depends on the platform zlib was built for; "unknown" everywhere.
  writeFileSync(values.out!, gz);
  console.log(
    `${features.length} features → ${values.out} (${(gz.length / 1024 / 1024).toFixed(2)} MiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
});
