import { useEffect } from 'react';
import { useLocation, useSearch } from 'wouter';
import { queryTerms } from '../../search';

/** The CSS highlights of the block found and of its words (styles/parts/search.css). */
const BLOCK_HIGHLIGHT = 'search-block';
const WORDS_HIGHLIGHT = 'search-hit';
/** How long the block found stays marked: long enough to see where the eye should go. */
const FLASH_MS = 4000;
/** How long to wait for the document's text to arrive from the device or the server. */
const WAIT_FOR_TEXT_MS = 15_000;
/** The editor's text blocks, in the order the index counts them (client/search/searchSource.ts). */
const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, pre';

/** Where an offset of an element's whole text falls: a text node and the offset in it. */
function pointAt(nodes: readonly { readonly node: Text; readonly start: number }[], offset: number, isEnd: boolean) {
  for (const [index, each] of nodes.entries()) {
    const next = nodes[index + 1];
    const length = each.node.data.length;
    const isInside = isEnd ? offset <= each.start + length : offset < each.start + length;
    if (isInside || next === undefined) {
      return { node: each.node, offset: Math.min(offset - each.start, length) };
    }
  }
  return null;
}

/**
 * Ranges of `marks` (any case) in the text of `element`. A word may span several text nodes (bold
 * in the middle of it): the element's whole text is searched and each range spans the nodes it needs.
 */
function rangesIn(element: Element, marks: readonly string[]): Range[] {
  const nodes: { readonly node: Text; readonly start: number }[] = [];
  let text = '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodes.push({ node: node as Text, start: text.length });
    text += (node as Text).data;
  }
  const lower = text.toLowerCase();
  const ranges: Range[] = [];
  for (const mark of marks) {
    const needle = mark.toLowerCase();
    for (let at = lower.indexOf(needle); needle !== '' && at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      const from = pointAt(nodes, at, false);
      const to = pointAt(nodes, at + needle.length, true);
      if (from !== null && to !== null) {
        const range = document.createRange();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
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

/**
 * Scrolls to the block and marks it and its words for a moment with CSS highlights: the editor
 * owns its DOM and would undo any class or element added to it. The editor may also redraw the
 * block meanwhile (a comment's mark arriving): the ranges are then drawn again on the new nodes.
 */
function reveal(find: () => Element | null, marks: readonly string[]): () => void {
  const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const Highlight = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  find()?.scrollIntoView({ block: 'center' });
  if (registry === undefined || Highlight === undefined) {
    return () => undefined;
  }
  const draw = (): void => {
    const block = find();
    if (block === null) {
      return;
    }
    const whole = document.createRange();
    whole.selectNodeContents(block);
    registry.set(BLOCK_HIGHLIGHT, new Highlight(whole));
    registry.set(WORDS_HIGHLIGHT, new Highlight(...rangesIn(block, marks)));
  };
  draw();
  const observer = new MutationObserver(draw);
  const body = document.querySelector('.doc-body');
  if (body !== null) {
    observer.observe(body, { childList: true, subtree: true, characterData: true });
  }
  const clear = (): void => {
    observer.disconnect();
    registry.delete(BLOCK_HIGHLIGHT);
    registry.delete(WORDS_HIGHLIGHT);
  };
  const timer = setTimeout(clear, FLASH_MS);
  return () => {
    clearTimeout(timer);
    clear();
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
    const find = (): Element | null => {
      const body = document.querySelector('.doc-body');
      return body === null ? null : blockToShow(body, index, marks);
    };
    const tryReveal = (): boolean => {
      if (find() === null) {
        return false;
      }
      undo = reveal(find, marks);
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
