// The `stopword` package ships no types of its own: its language lists are arrays of words named by ISO 639-3 code.
declare module "stopword" {
  const lists: Record<string, unknown>;
  export = lists;
}
