/**
 * The tagger's weights: `model.json.gz` beside this file, written by `npm run train-ner`.
 * On disk: the tag list, one quantisation step, and per feature (sorted by name) its non-zero
 * weights as `[tag index, steps, …]`. In memory: feature name → offset into one Int16Array.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

export const MODEL_FILE = new URL("./model.json.gz", import.meta.url);

export interface ModelFile {
  format: 1;
  about: string;
  tags: string[];
  step: number;
  features: [string, number[]][];
}

export interface NerModel {
  tags: string[];
  step: number;
  /** Feature → where its [tag, weight] pairs are in `pairs`: offset × 32 + number of pairs (one look-up per feature). */
  slots: Map<string, number>;
  pairs: Int16Array;
}

export function modelFromFile(file: ModelFile): NerModel {
  let total = 0;
  for (const [, weights] of file.features) total += weights.length;
  const pairs = new Int16Array(total);
  const slots = new Map<string, number>();
  let at = 0;
  for (const [name, weights] of file.features) {
    slots.set(name, at * 32 + weights.length / 2);
    pairs.set(weights, at);
    at += weights.length;
  }
  return { tags: file.tags, step: file.step, slots, pairs };
}

let loaded: NerModel | null | undefined;

/** The shipped model, read once per process; null when the file is missing (the tagger then finds nothing). */
export function shippedModel(): NerModel | null {
  if (loaded === undefined) {
    try {
      loaded = modelFromFile(JSON.parse(gunzipSync(readFileSync(MODEL_FILE)).toString("utf8")) as ModelFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      loaded = null;
    }
  }
  return loaded;
}
