import type { CheckTarget } from '../../../shared';

function focusFirstControl(container: Element | null): void {
  if (container === null) {
    return;
  }
  container.scrollIntoView({ block: 'center' });
  const control = container.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea');
  control?.focus();
}

/** Puts the caret at the start of `element`, inside the editor: ProseMirror follows the DOM selection. */
function caretInto(element: Element): void {
  const selection = window.getSelection();
  if (selection === null) {
    return;
  }
  const range = document.createRange();
  range.setStart(element, 0);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Takes the person to where a failed check is fixed: the title, a section of the body (the caret
 * after its heading), a field of 基本信息, or the co-signers' panel. Reads the page's DOM only.
 */
export function jumpToCheck(target: CheckTarget): void {
  switch (target.kind) {
    case 'title': {
      const title = document.querySelector<HTMLInputElement>('.doc-title');
      title?.scrollIntoView({ block: 'center' });
      title?.focus();
      return;
    }
    case 'body': {
      const body = document.querySelector<HTMLElement>('.doc-body');
      const heading =
        target.heading === null
          ? null
          : ([...(body?.querySelectorAll('h1, h2, h3') ?? [])].find(
              (element) => element.textContent?.trim() === target.heading,
            ) ?? null);
      body?.focus();
      const place = heading?.nextElementSibling ?? heading ?? body;
      place?.scrollIntoView({ block: 'center' });
      if (place !== null && place !== undefined && place !== body) {
        caretInto(place);
      }
      return;
    }
    case 'field':
      focusFirstControl(document.querySelector(`.fields-panel [data-field="${target.key}"]`));
      return;
    case 'cosigners':
      document.querySelector('.cosign')?.scrollIntoView({ block: 'center' });
      return;
  }
}
