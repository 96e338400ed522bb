import type { Page } from 'playwright-core';
import type { DocKind } from '../../../shared';

/** Longest wait for something the app shows after a network round trip. */
export const UI_TIMEOUT_MS = 15_000;

export interface DocState {
  readonly title: string;
  readonly body: string;
}

/** The sign-in page's form, filled and sent; resolves on the home page. */
export async function signIn(page: Page, account: { readonly username: string; readonly password: string }) {
  if (!page.url().startsWith('http')) {
    await page.goto('/');
  }
  await page.getByRole('heading', { name: '登录建言' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await fillSignIn(page, account);
  // On a first visit the form is drawn before the app's services have arrived: signing in also
  // waits for them, and several people start at once on a busy machine.
  await page.getByRole('heading', { name: /，你好$/ }).waitFor({ timeout: UI_TIMEOUT_MS * 2 });
}

/** Types the username and password into a visible sign-in form and presses Enter. */
export async function fillSignIn(page: Page, account: { readonly username: string; readonly password: string }) {
  await page.getByLabel('用户名', { exact: true }).fill(account.username);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
}

/**
 * Creates a document of `kind` in a group from the group page and returns its id once the editor
 * is up. The title, when given, is typed in the create dialog.
 */
export async function createDocument(page: Page, groupId: string, kind: DocKind, title?: string): Promise<string> {
  await page.goto(`/g/${groupId}`);
  await page.getByRole('button', { name: '新建' }).click();
  const dialog = page.getByRole('dialog', { name: '新建文档' });
  await dialog.locator(`[data-kind="${kind}"]`).click();
  if (title !== undefined) {
    await dialog.getByLabel('标题', { exact: true }).fill(title);
  }
  await dialog.getByRole('button', { name: '创建', exact: true }).click();
  await page.waitForURL(/\/d\/[0-9a-f-]{36}$/, { timeout: UI_TIMEOUT_MS });
  await waitForEditor(page);
  const match = /\/d\/([0-9a-f-]{36})$/.exec(page.url());
  if (match?.[1] === undefined) {
    throw new Error(`Not on a document page: ${page.url()}`);
  }
  return match[1];
}

/** Opens a document by its URL and waits for an editable editor. */
export async function openDocument(page: Page, docId: string): Promise<void> {
  await page.goto(`/d/${docId}`);
  await waitForEditor(page);
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.locator('.doc-body[contenteditable="true"]').waitFor({ timeout: UI_TIMEOUT_MS });
}

/** The document's title and body text, read from its Y.Doc (no caret labels, no markup). */
export async function readDoc(page: Page, docId: string): Promise<DocState> {
  const state = await page.evaluate((id) => window.__jianyan?.docText(id) ?? null, docId);
  if (state === null) {
    throw new Error(`Document ${docId} is not open on ${page.url()}`);
  }
  return state;
}

/** Waits until the document's body contains every one of `parts`. */
export async function waitForBody(page: Page, docId: string, parts: readonly string[]): Promise<void> {
  await page.waitForFunction(
    ({ id, wanted }) => {
      const body = window.__jianyan?.docText(id)?.body;
      return body !== undefined && wanted.every((part) => body.includes(part));
    },
    { id: docId, wanted: [...parts] },
    { timeout: UI_TIMEOUT_MS },
  );
}

/** Waits until the header's sync indicator is in `phase` (and shows `text`); returns its text. */
export async function waitForSyncPhase(
  page: Page,
  phase: 'synced' | 'syncing' | 'offline' | 'error',
  text?: RegExp,
): Promise<string> {
  const indicator = page.locator(`[data-sync-phase="${phase}"]`, text === undefined ? {} : { hasText: text });
  await indicator.waitFor({ timeout: UI_TIMEOUT_MS });
  return (await indicator.textContent()) ?? '';
}

/**
 * Puts the caret at the end of the `index`-th paragraph of the body (or the last one), and
 * resolves once the editor's own selection is in it: a paste or a keystroke sent right after
 * goes where the caret shows, not where the editor's state still had it.
 */
export async function caretToParagraph(page: Page, index: number | 'last'): Promise<void> {
  const paragraphs = page.locator('.doc-body > p');
  const paragraph = index === 'last' ? paragraphs.last() : paragraphs.nth(index);
  // A click while the editor is being drawn again can land in the editor it replaces: try again.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await paragraph.click();
    await page.keyboard.press('End');
    if (await paragraph.evaluate(editorCaretReaches)) {
      return;
    }
  }
  throw new Error(`The editor's caret did not reach paragraph ${index} of the body`);
}

/** Resolves whether the editor's selection comes to rest in `paragraph`, within two seconds. */
function editorCaretReaches(paragraph: Element): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => {
      // Tiptap hangs its editor on the editable element.
      const host = paragraph.closest<HTMLElement & { editor?: EditorLike }>('.doc-body');
      const editor = host?.editor;
      if (
        editor?.state.selection.empty &&
        editor.state.selection.$head.start() === editor.view.posAtDOM(paragraph, 0) &&
        document.activeElement === host
      ) {
        resolve(true);
      } else if (Date.now() - started > 2_000) {
        resolve(false);
      } else {
        requestAnimationFrame(check);
      }
    };
    check();
  });
}

/** What the test reads of a Tiptap editor: where its selection is, and where a paragraph starts. */
interface EditorLike {
  readonly state: { readonly selection: { readonly empty: boolean; readonly $head: { start(): number } } };
  readonly view: { posAtDOM(node: Node, offset: number): number };
}

/** Resolves once the service worker controls precaching, so that the app opens offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** How many times `part` occurs in `text`. */
export function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/**
 * Signs out from the account menu of `person` (their menu button's name, such as 王委员（委员）):
 * the dialog asks what this device is; `keep` keeps the offline copy, `clear` clears it.
 */
export async function signOut(page: Page, menuName: string, choice: 'keep' | 'clear' = 'keep'): Promise<void> {
  await page.getByRole('button', { name: menuName }).click();
  await page.getByRole('button', { name: '退出登录' }).click();
  const dialog = page.getByRole('dialog', { name: '退出登录' });
  await dialog.getByText(choice === 'keep' ? '我的设备，保留离线副本' : '公用电脑，清除本机数据').click();
  await dialog.getByRole('button', { name: '退出登录', exact: true }).click();
  await page.getByRole('heading', { name: '登录建言' }).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** The names of the IndexedDB databases of the page's origin. */
export async function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}

/**
 * Reads every IndexedDB database of the page's origin raw, as someone who copied the browser's
 * files would, and answers where each of `needles` occurs (`database/store: needle`) in any
 * stored string, or in any stored bytes read as UTF-8 (how Yjs stores text).
 */
export async function findInIndexedDb(page: Page, needles: readonly string[]): Promise<string[]> {
  return page.evaluate(async (wanted) => {
    const hits: string[] = [];
    const decoder = new TextDecoder('utf-8', { fatal: false });
    const texts = (value: unknown, out: string[]): void => {
      if (typeof value === 'string') {
        out.push(value);
      } else if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
        out.push(decoder.decode(value));
      } else if (typeof value === 'object' && value !== null) {
        for (const each of Object.values(value)) {
          texts(each, out);
        }
      }
    };
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const readAll = (db: IDBDatabase, store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    for (const { name } of await indexedDB.databases()) {
      if (name === undefined) {
        continue;
      }
      const db = await open(name);
      for (const store of Array.from(db.objectStoreNames)) {
        const found: string[] = [];
        texts(await readAll(db, store), found);
        for (const needle of wanted) {
          if (found.some((text) => text.includes(needle))) {
            hits.push(`${name}/${store}: ${needle}`);
          }
        }
      }
      db.close();
    }
    return hits;
  }, needles);
}
