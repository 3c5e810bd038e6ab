import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generateEnrolmentPhoto, normalisePhoto } from '../photo/index.js';
import { FACE_FONT_FAMILY, FACE_LAYOUT } from './face-template.js';
import { type FaceData, renderFace } from './render-face.js';

// A synthetic resident (GB 11643-valid shape; not a real person).
const RESIDENT: FaceData = {
  name: '王小明',
  sex: '01',
  cardNumber: '11010119900307001X',
  issuerName: '测试市卫生健康委员会',
  validFrom: '20240101',
  validTo: '20340101',
};
const svgText = async (face: FaceData) => new TextDecoder().decode(await renderFace(face, 'svg'));

/** Dark pixels in the name's value area: how much ink the name's glyphs put down. */
async function nameInk(name: string): Promise<number> {
  const png = await renderFace({ ...RESIDENT, name }, 'png');
  const row = FACE_LAYOUT.rows.find((r) => r.key === 'name')!;
  const { data } = await sharp(png)
    .extract({ left: FACE_LAYOUT.valueX, top: row.y - 45, width: 400, height: 60 })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return data.filter((v) => v < 128).length;
}

describe('renderFace', () => {
  it('renders a CR80 card at 300 dpi: 1011 × 638 px PNG tagged 300 dpi', async () => {
    const meta = await sharp(await renderFace(RESIDENT, 'png')).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1011, height: 638, density: 300 });
  });

  it('prints sex and validity in display form and the card number in full, in the CJK font', async () => {
    const svg = await svgText({ ...RESIDENT, sex: '02' });
    expect(svg).toContain('>女<');
    expect(svg).toContain('2024.01.01–2034.01.01');
    expect(svg).toContain('>11010119900307001X<');
    expect(svg).toContain('>居民健康卡<');
    expect(svg).toContain(`font-family: '${FACE_FONT_FAMILY}'`);
    expect(svg).toMatch(/width="1011" height="638"/);
  });

  it('escapes text as XML, so a name with <&> stays text and the SVG still renders', async () => {
    const face = { ...RESIDENT, name: '张<&>"\'三', issuerName: '</text><script>' };
    const svg = await svgText(face);
    expect(svg).toContain('>张&lt;&amp;&gt;&quot;&apos;三<');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    expect(svg).not.toContain('<script>');
    expect((await sharp(await renderFace(face, 'png')).metadata()).width).toBe(1011);
  });

  it('draws CJK names as glyphs, not missing-glyph boxes', async () => {
    // 一 is one stroke, 田 a boxed grid: real glyphs differ several-fold in ink, while
    // missing-glyph boxes (an outline with the code point inside) put down about the same.
    const one = await nameInk('一一一');
    const field = await nameInk('田田田');
    const empty = await nameInk('');
    expect(empty).toBe(0);
    expect(one).toBeGreaterThan(50);
    expect(field / one).toBeGreaterThan(2.5);
  });

  it('embeds the photo as a data: URI and draws it in the photo frame', async () => {
    const photo = await normalisePhoto(await generateEnrolmentPhoto(8));
    const svg = await svgText({ ...RESIDENT, photo });
    expect(svg).toContain(`href="data:image/jpeg;base64,${Buffer.from(photo).toString('base64')}"`);
    const frame = FACE_LAYOUT.photo;
    const region = {
      left: frame.x + 20,
      top: frame.y + 20,
      width: frame.width - 40,
      height: frame.height - 40,
    };
    const spread = async (face: FaceData) => {
      // stats() reads the input, not the pipeline: extract to a buffer first.
      const cut = await sharp(await renderFace(face, 'png'))
        .extract(region)
        .png()
        .toBuffer();
      const { channels } = await sharp(cut).stats();
      return channels[0]!.stdev;
    };
    expect(await spread(RESIDENT)).toBe(0); // an empty white frame
    expect(await spread({ ...RESIDENT, photo })).toBeGreaterThan(10);
  });

  it('refuses a sex code or a date it cannot print', async () => {
    await expect(renderFace({ ...RESIDENT, sex: '9' }, 'svg')).rejects.toMatchObject({
      code: 'HCARD_E_ARG_INVALID',
    });
    await expect(renderFace({ ...RESIDENT, validTo: '2034-01-01' }, 'svg')).rejects.toMatchObject({
      code: 'HCARD_E_ARG_INVALID',
    });
  });
});
