import { type ReactElement, useMemo } from 'react';
import { encode } from 'uqr';
import { qrPath } from './qrPath';

/** Modules of blank border around the code: phone cameras need a quiet zone to find it. */
const QUIET_MODULES = 3;

/** A QR code of `text`, drawn as SVG (black on white, whatever the theme), labelled for screen readers. */
export function QrCode({ text, label }: { readonly text: string; readonly label: string }): ReactElement {
  const qr = useMemo(() => encode(text, { ecc: 'M', border: QUIET_MODULES }), [text]);
  return (
    <svg
      className="qr-code"
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qrPath(qr.data)} fill="#000" />
    </svg>
  );
}
