/**
 * Full-width letters, digits and punctuation become their ASCII forms (NFKC), so "１３８" is "138" and "Ａ６１" is "A61":
 * a Chinese input method in full-width mode types them so, and the same number must compare as one however it was typed.
 */
export function halfWidth(text: string): string {
  return text.normalize('NFKC');
}
