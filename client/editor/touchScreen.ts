/** A screen used by touch alone (a phone or tablet), where nobody can hover to read a tooltip. */
const TOUCH_SCREEN_QUERY = '(hover: none) and (pointer: coarse)';

/**
 * Whether this device is a touch screen without a mouse. Keyboard-shortcut hints are left out
 * there: they only crowd the tooltips of people who have no keyboard.
 */
export function isTouchScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(TOUCH_SCREEN_QUERY).matches;
}
