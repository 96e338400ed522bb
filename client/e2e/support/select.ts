import type { Page } from 'playwright-core';

/**
 * Selects `text` in the document body as a person would with the mouse: a DOM selection, which
 * ProseMirror reads (also in a read-only editor, which never has the focus).
 */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const body = document.querySelector<HTMLElement>('.doc-body');
    if (body === null) {
      throw new Error('no document body');
    }
    if (body.isContentEditable) {
      body.focus();
    }
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(wanted) ?? -1;
      if (index >= 0) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + wanted.length);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        return;
      }
    }
    throw new Error(`"${wanted}" is not in one text node of the body`);
  }, text);
  // ProseMirror takes the DOM selection on the next selectionchange event.
  await page.waitForFunction((wanted) => window.getSelection()?.toString() === wanted, text);
}
