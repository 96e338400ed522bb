import type { CDPSession, Page } from 'playwright-core';

/**
 * Drives Chromium's IME the way a pinyin input method does: a composition that grows with each
 * keystroke, then the chosen characters committed. Each step resolves once the page saw it.
 */
export interface ImeSession {
  compose(text: string): Promise<void>;
  commit(text: string): Promise<void>;
  detach(): Promise<void>;
}

export async function startIme(page: Page): Promise<ImeSession> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  return {
    async compose(text) {
      await cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      });
    },
    async commit(text) {
      await cdp.send('Input.insertText', { text });
    },
    async detach() {
      await cdp.detach();
    },
  };
}
