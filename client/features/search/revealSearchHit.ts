import { useEffect } from 'react';
import { useLocation, useSearch } from 'wouter';
import { queryTerms } from '../../search';

/** The name of the CSS highlight that marks the words found (styles/parts/search.css). */
const HIGHLIGHT_NAME = 'search-hit';
/** How long the block found stays marked: long enough to see where the eye should go. */
const FLASH_MS = 2500;
/** How long to wait for the document's text to arrive from the device or the server. */
const WAIT_FOR_TEXT_MS = 15_000;
/** The editor's text blocks, in the order the index counts them (client/search/searchSource.ts). */
const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, pre';

/** Ranges of `marks` (any case) in the text nodes of `element`. */
function rangesIn(element: Element, marks: readonly string[]): Range[] {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = (node.textContent ?? '').toLowerCase();
    for (const mark of marks) {
      const needle = mark.toLowerCase();
      for (let at = text.indexOf(needle); needle !== '' && at !== -1; at = text.indexOf(needle, at + needle.length)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        ranges.push(range);
      }
    }
  }
  return ranges;
}

/** The block to show: the one the index named when it still holds the words, else the first that does. */
function blockToShow(body: Element, index: number | null, marks: readonly string[]): Element | null {
  const blocks = [...body.querySelectorAll(TEXT_BLOCKS)];
  const holds = (block: Element): boolean => rangesIn(block, marks).length > 0;
  const named = index === null ? undefined : blocks[index];
  if (named !== undefined && holds(named)) {
    return named;
  }
  return blocks.find(holds) ?? null;
}

/** Scrolls to the block and marks it and its words for a moment, without touching the editor's content. */
function reveal(block: Element, marks: readonly string[]): () => void {
  block.scrollIntoView({ block: 'center' });
  block.classList.add('search-flash');
  const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const Highlight = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (registry !== undefined && Highlight !== undefined) {
    registry.set(HIGHLIGHT_NAME, new Highlight(...rangesIn(block, marks)));
  }
  const timer = setTimeout(() => {
    block.classList.remove('search-flash');
    registry?.delete(HIGHLIGHT_NAME);
  }, FLASH_MS);
  return () => {
    clearTimeout(timer);
    block.classList.remove('search-flash');
    registry?.delete(HIGHLIGHT_NAME);
  };
}

/**
 * On a document opened from a search result (`/d/:id?q=…&block=n`), scrolls to the passage that
 * matched and marks it briefly, once the text is there.
 */
export function useRevealSearchHit(): void {
  const [location] = useLocation();
  const params = new URLSearchParams(useSearch());
  const query = location.startsWith('/d/') ? (params.get('q') ?? '') : '';
  const blockText = params.get('block');
  useEffect(() => {
    const marks = queryTerms(query).marks;
    if (marks.length === 0) {
      return;
    }
    const index = blockText === null || !/^\d{1,6}$/.test(blockText) ? null : Number(blockText);
    let undo: (() => void) | null = null;
    const tryReveal = (): boolean => {
      const body = document.querySelector('.doc-body');
      const block = body === null ? null : blockToShow(body, index, marks);
      if (block === null) {
        return false;
      }
      undo = reveal(block, marks);
      return true;
    };
    if (tryReveal()) {
      return () => undo?.();
    }
    const observer = new MutationObserver(() => {
      if (tryReveal()) {
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const giveUp = setTimeout(() => observer.disconnect(), WAIT_FOR_TEXT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(giveUp);
      undo?.();
    };
  }, [query, blockText]);
}
