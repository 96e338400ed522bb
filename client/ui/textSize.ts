/**
 * The text size chosen on this device (标准 / 大 / 特大): a class on the root element that sets its
 * font size, which every text size in the style sheets (rem) follows. Kept in localStorage, not in
 * the account, because it belongs to the eyes in front of this screen.
 */
export const TEXT_SIZES = ['standard', 'large', 'xlarge'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

const STORAGE_KEY = 'jianyan.textSize';
const ROOT_CLASS: Record<TextSize, string | null> = {
  standard: null,
  large: 'text-large',
  xlarge: 'text-xlarge',
};

function isTextSize(value: string | null): value is TextSize {
  return TEXT_SIZES.some((size) => size === value);
}

/** The size chosen on this device, or 标准. */
export function savedTextSize(): TextSize {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isTextSize(value) ? value : 'standard';
  } catch {
    // Private mode without storage: the standard size.
    return 'standard';
  }
}

/** Puts the class of `size` on the root element (and takes the others off). */
export function applyTextSize(size: TextSize): void {
  const root = document.documentElement;
  for (const each of TEXT_SIZES) {
    const name = ROOT_CLASS[each];
    if (name !== null) {
      root.classList.toggle(name, each === size);
    }
  }
}

/** Switches the text size and remembers it on this device. */
export function changeTextSize(size: TextSize): void {
  try {
    localStorage.setItem(STORAGE_KEY, size);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  applyTextSize(size);
}
