/**
 * The card front as one SVG template: CR80 (85.6 × 54 mm) at 300 dpi, sized in px because sharp
 * renders an SVG sized in mm at density 300 twice over (architecture §11). Layout is data: the
 * positions below are the only place to move a field. Every text is XML-escaped here.
 */

/** CR80 at 300 dpi: 85.6 mm and 54 mm / 25.4 × 300. */
export const FACE_SIZE = { width: 1011, height: 638 } as const;

/** Debian's fonts-wqy-microhei: a CJK font with Latin and digits, so one family covers the face. */
export const FACE_FONT_FAMILY = 'WenQuanYi Micro Hei';

/** What the template draws, already formatted for display. */
export interface FaceText {
  readonly title: string;
  readonly name: string;
  readonly sex: string;
  readonly cardNumber: string;
  readonly issuerName: string;
  readonly validity: string;
  /** `data:` URI of the photo, or undefined for an empty photo frame. */
  readonly photoUri: string | undefined;
}

/** Where each field sits (px): labels at `labelX`, values at `valueX`, one row per field. */
export const FACE_LAYOUT = {
  titleY: 100,
  labelX: 60,
  valueX: 230,
  rows: [
    { label: '姓名', key: 'name', y: 210 },
    { label: '性别', key: 'sex', y: 280 },
    { label: '卡号', key: 'cardNumber', y: 350 },
    { label: '发卡机构', key: 'issuerName', y: 420 },
    { label: '有效期', key: 'validity', y: 490 },
  ],
  // The photo frame: 26 × 32 mm at 300 dpi, right-hand side as on the resident ID card.
  photo: { x: 672, y: 160, width: 307, height: 378 },
} as const satisfies {
  rows: readonly { label: string; key: keyof FaceText; y: number }[];
  [k: string]: unknown;
};

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export function faceSvg(face: FaceText): string {
  const { width, height } = FACE_SIZE;
  const L = FACE_LAYOUT;
  const p = L.photo;
  const rows = L.rows
    .map(
      (row) =>
        `<text x="${L.labelX}" y="${row.y}" class="label">${escapeXml(row.label)}</text>` +
        `<text x="${L.valueX}" y="${row.y}" class="value">${escapeXml(face[row.key] ?? '')}</text>`,
    )
    .join('\n  ');
  const photo = face.photoUri
    ? `<image x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" preserveAspectRatio="xMidYMid slice" href="${escapeXml(face.photoUri)}"/>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <style>
    text { font-family: '${FACE_FONT_FAMILY}'; fill: #1a1a1a; }
    .title { font-size: 64px; fill: #0b5d3b; }
    .label { font-size: 34px; fill: #555555; }
    .value { font-size: 40px; }
  </style>
  <rect width="${width}" height="${height}" rx="38" fill="#f4f8f5"/>
  <rect y="0" width="${width}" height="140" fill="#dcefe4"/>
  <text x="${L.labelX}" y="${L.titleY}" class="title">${escapeXml(face.title)}</text>
  ${rows}
  <rect x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" fill="#ffffff" stroke="#9bbfaa" stroke-width="3"/>
  ${photo}
</svg>`;
}
