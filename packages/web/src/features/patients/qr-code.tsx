import { encode } from 'uqr';

interface QrCodeProps {
  readonly text: string;
  /** What the code holds, for people who cannot see it. */
  readonly label: string;
}

/** The SVG path of a module matrix: one unit square per dark module. */
export function qrPath(data: readonly (readonly boolean[])[]): string {
  return data
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${String(x)} ${String(y)}h1v1h-1z` : '')))
    .join('');
}

/**
 * A QR code of `text` drawn as SVG (error correction M, a quiet zone of four modules), so the
 * patient can open the link with a phone's camera. No inline styles: the page's Content
 * Security Policy stays strict.
 */
export function QrCode({ text, label }: QrCodeProps) {
  const { data } = encode(text, { ecc: 'M', border: 4 });
  const size = data.length;
  const path = qrPath(data);
  return (
    <svg
      className="qr-code"
      viewBox={`0 0 ${String(size)} ${String(size)}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
