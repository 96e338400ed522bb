/**
 * The one tokenizer of the search index, for what is indexed and for what is asked. Chinese has no
 * spaces: `Intl.Segmenter` finds its words, and every two neighbouring Han characters are a term
 * too, so that a two-character query finds its word wherever the segmenter cut the text (a word
 * split by bold in the middle is one block of plain text by then). Latin words and numbers are
 * lowercased words.
 */

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
/** Words the segmenter finds that are as long as this or longer are indexed beside their bigrams. */
const MIN_INDEXED_WORD_CHARS = 3;

let segmenter: Intl.Segmenter | null = null;

function wordsOf(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike === true) {
      words.push(segment.segment.toLowerCase());
    }
  }
  return words;
}

/** Every pair of neighbouring characters of a run of Han characters; a lone character is its own term. */
function bigramsOf(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) {
    return chars;
  }
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) {
    pairs.push(`${chars[i]}${chars[i + 1]}`);
  }
  return pairs;
}

function hasHan(word: string): boolean {
  return HAN.test(word);
}

/**
 * The terms a text is indexed under: the bigrams of every run of Han characters, the segmenter's
 * Chinese words of three characters or more (a better score for the whole word), and every
 * other word lowercased. Terms repeat as often as they occur (the score counts them).
 */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const run of text.match(HAN_RUN) ?? []) {
    terms.push(...bigramsOf(run));
  }
  for (const word of wordsOf(text)) {
    if (!hasHan(word)) {
      terms.push(word);
    } else if ([...word].length >= MIN_INDEXED_WORD_CHARS) {
      terms.push(word);
    }
  }
  return terms;
}

/** What a query asks for, as terms of the index. */
export interface QueryTerms {
  /** Every one must be in a document: the bigrams and the Latin words of the query. */
  readonly required: readonly string[];
  /** Single Han characters: found as the start of a bigram (or a lone character). */
  readonly prefixes: readonly string[];
  /** The query's Chinese words of three characters or more: a document holding them scores higher. */
  readonly words: readonly string[];
  /** The visible pieces of the query, to highlight in a snippet. */
  readonly marks: readonly string[];
}

/**
 * The terms of a query, tokenized as the index is: "养老 服务" asks for both words, and "养老服务"
 * for its three bigrams, so that only documents holding the words next to each other come first.
 */
export function queryTerms(query: string): QueryTerms {
  const required = new Set<string>();
  const prefixes = new Set<string>();
  const words = new Set<string>();
  const marks = new Set<string>();
  for (const run of query.match(HAN_RUN) ?? []) {
    marks.add(run);
    const chars = [...run];
    if (chars.length === 1) {
      prefixes.add(run);
    } else {
      for (const pair of bigramsOf(run)) {
        required.add(pair);
      }
    }
  }
  for (const word of wordsOf(query)) {
    if (!hasHan(word)) {
      required.add(word);
      marks.add(word);
    } else if ([...word].length >= MIN_INDEXED_WORD_CHARS) {
      words.add(word);
    }
  }
  return { required: [...required], prefixes: [...prefixes], words: [...words], marks: [...marks] };
}
