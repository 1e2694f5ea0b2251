/**
 * The resolve stage's thresholds in one table, each with the reason for its value
 * (trafilatura's settings table is the model).
 */
export const STORY_SETTINGS = {
  /** The headline's words counted this many times: it states the event in the fewest words. */
  headlineWeight: 2,
  /** A resolved entity (person, organization, place) counts as a term this many times. */
  entityWeight: 1,
  /**
   * The archive's size and a term's number of articles are rounded down to steps of half an octave (a factor
   * of 1.41) when a term is weighed, so that an added article changes the weights of the other articles'
   * terms only where a count crosses a step, and seldom the stories it does not join: on the 10,000-article
   * benchmark corpus, nine added articles each changed 1–3 stories (mean 1.7), where exact weights changed
   * 17–47 (mean 28.7); at 4 steps one of the nine changed 46, and at 1 step the mean was 2.3. ECB+ pairwise
   * and B-cubed F1 stay those of the exact weights, 0.93 / 0.94, at 1, 2, 4, 8 and 16 steps.
   */
  idfStepsPerOctave: 2,
  /**
   * Two groups of articles join while the mean cosine over their pairs is at least this. Chosen on
   * the ECB+ development split, where pairwise F1 stays within 0.91–0.93 from 0.18 to 0.22.
   */
  joinThreshold: 0.2,
  /** Each article's heaviest terms index it for comparison; articles sharing none are not compared. */
  indexTerms: 30,
  /** A term in more articles than this is not used to find pairs (it is still in the similarity). */
  maxPostings: 100,
  /** Two articles are compared only when they share at least this many of their heaviest terms… */
  minSharedTerms: 2,
  /** …in an archive of more articles than this; a smaller one compares every pair sharing one. */
  compareAllBelow: 500,
  /**
   * Articles at most this many days apart that share a place and count the same kinds of people
   * gain up to `corroborationWeight` similarity (all the kinds the shorter list counts shared).
   */
  corroborationDays: 3,
  corroborationWeight: 0.2,
  /** Cosine at or above which two articles from different outlets are one text (a wire copy). */
  copyThreshold: 0.9,
} as const;
