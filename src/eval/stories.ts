/**
 * Story grouping scored two ways, as the stories benchmark asks: over pairs of articles
 * put in one story, and B-cubed (per article, the share of its predicted story that is
 * its true story, and the share of its true story it was grouped with).
 */
import { groupBy } from "../util/group.ts";

export interface GroupingScore {
  pairwise: { precision: number; recall: number; f1: number };
  bcubed: { precision: number; recall: number; f1: number };
}

const f1Of = (precision: number, recall: number) =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

/** `predicted` and `truth` map each scored item to its group's name; both cover the same items. */
export function scoreGrouping(predicted: Map<string, string>, truth: Map<string, string>): GroupingScore {
  const items = [...truth.keys()];
  // An item with no group is a group of its own.
  const members = (assignment: Map<string, string>) => {
    const of = new Map<string, Set<string>>();
    for (const group of groupBy(items, (item) => assignment.get(item) ?? `\u0000alone:${item}`).values()) {
      const set = new Set(group);
      for (const item of group) of.set(item, set);
    }
    return of;
  };
  const predictedOf = members(predicted);
  const trueOf = members(truth);

  let bPrecision = 0;
  let bRecall = 0;
  let predictedPairs = 0;
  let truePairs = 0;
  let sharedPairs = 0;
  for (const item of items) {
    const mine = predictedOf.get(item) as Set<string>;
    const real = trueOf.get(item) as Set<string>;
    let both = 0;
    for (const other of mine) if (real.has(other)) both++;
    bPrecision += both / mine.size;
    bRecall += both / real.size;
    // Each unordered pair is seen from both ends; halving is left to the ratios.
    predictedPairs += mine.size - 1;
    truePairs += real.size - 1;
    sharedPairs += both - 1;
  }
  const n = items.length || 1;
  const pairwisePrecision = predictedPairs === 0 ? 1 : sharedPairs / predictedPairs;
  const pairwiseRecall = truePairs === 0 ? 1 : sharedPairs / truePairs;
  return {
    pairwise: {
      precision: pairwisePrecision,
      recall: pairwiseRecall,
      f1: f1Of(pairwisePrecision, pairwiseRecall),
    },
    bcubed: { precision: bPrecision / n, recall: bRecall / n, f1: f1Of(bPrecision / n, bRecall / n) },
  };
}
