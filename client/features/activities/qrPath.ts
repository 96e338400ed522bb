/**
 * The SVG path of a QR code's dark modules, one unit square each, in a viewBox as wide as the
 * matrix: drawn as an element's attribute, so nothing needs an inline style (the CSP allows none).
 */
export function qrPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    row.forEach((isDark, x) => {
      if (isDark) {
        parts.push(`M${x} ${y}h1v1h-1z`);
      }
    });
  });
  return parts.join('');
}
