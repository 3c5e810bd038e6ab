/**
 * Seeds as the original demo took them: text that is a number becomes that number, anything
 * else stays text. generateCard(7) and generateCard('7') are different residents, so keeping
 * this rule keeps `--seed 7` meaning the same person everywhere.
 */
export function parseSeed(text: string): number | string {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}
