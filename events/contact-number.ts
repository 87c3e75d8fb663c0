/**
 * Contact and file numbers as a user reads them. Pure rules, shared by both
 * books' schemas, the messages between them and accounting's number claims.
 *
 * A number is refused (with the reason) when a reader could not tell it from
 * another one: characters one cannot see (Unicode categories C: control,
 * format such as U+200B or the bidi overrides, private-use, unassigned, lone
 * surrogates), white space, `*` and characters that look like it,
 * compatibility forms (a number must equal its NFKC form, so full-width
 * `１２３` and decomposed `é` are refused, naming the plain form to type),
 * digits other than 0-9 (`١٢٣` reads as 123 to some and as letters to others;
 * we do not guess), and combining marks on plain letters and digits (`1̶`).
 *
 * What is left is compared by its key: lower-cased, and a trailing run of
 * digits after a prefix without digits compared by value (`0124` = `124`,
 * `M00050` = `m50`, `C-007` = `c-7`; not `1.05` and `1.5`, nor `2024-007`
 * and `2024-7`, whose digits elsewhere may mean something else). The number
 * shown is always the one typed.
 */

export const MAX_NUMBER_LENGTH = 30;

/**
 * `*` and its look-alikes (every character Unicode names an asterisk, and
 * the stars drawn like one): the asterisk is the accounting book's wildcard,
 * so a number holding anything a reader would take for one is refused.
 */
const ASTERISK_RANGES: [number, number][] = [
  [0x002a, 0x002a], // * asterisk
  [0x0359, 0x0359], // combining asterisk below
  [0x066d, 0x066d], // ٭ Arabic five-pointed star
  [0x2042, 0x2042], // ⁂ asterism
  [0x204e, 0x204e], // ⁎ low asterisk
  [0x2051, 0x2051], // ⁑ two asterisks aligned vertically
  [0x2055, 0x2055], // ⁕ flower punctuation mark
  [0x20f0, 0x20f0], // combining asterisk above
  [0x2217, 0x2217], // ∗ asterisk operator
  [0x229b, 0x229b], // ⊛ circled asterisk operator
  [0x26b9, 0x26b9], // ⚹ sextile
  [0x2722, 0x2725], // ✢✣✤✥ four-spoked asterisks
  [0x2731, 0x2733], // ✱✲✳ heavy, open centre, eight spoked asterisk
  [0x273a, 0x273d], // ✺✻✼✽ sixteen pointed and teardrop-spoked asterisks
  [0x2743, 0x2743], // ❃ heavy teardrop-spoked pinwheel asterisk
  [0x2749, 0x274b], // ❉❊❋ balloon-spoked and propeller asterisks
  [0x29c6, 0x29c6], // ⧆ squared asterisk
  [0xa673, 0xa673], // ꙳ Slavonic asterisk
  [0xfe61, 0xfe61], // ﹡ small asterisk
  [0xff0a, 0xff0a], // ＊ full-width asterisk
  [0x1f7af, 0x1f7bf], // 🞯..🞿 five, six and eight spoked asterisks
];

const looksLikeAsterisk = (c: string) => {
  const cp = c.codePointAt(0)!;
  return ASTERISK_RANGES.some(([from, to]) => cp >= from && cp <= to);
};

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` is not a contact or file number a reader can tell apart, or undefined if it is one. */
export function numberProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > MAX_NUMBER_LENGTH) return `must be at most ${MAX_NUMBER_LENGTH} characters`;
  const hidden = /\p{C}/u.exec(value);
  if (hidden) return `must not contain control or invisible formatting characters (found ${codePoint(hidden[0])})`;
  if (/\s/u.test(value)) return 'must not contain spaces';
  const star = [...value].find(looksLikeAsterisk);
  if (star) return star === '*' ? 'must not contain "*"' : `must not contain "*" or a character that looks like it (found ${codePoint(star)})`;
  const plain = value.normalize('NFKC');
  if (plain !== value) return `must be typed in its plain form "${plain}" (no full-width, compatibility or decomposed characters)`;
  const digit = /(?![0-9])\p{N}/u.exec(value);
  if (digit) return `must use the digits 0-9 (found ${codePoint(digit[0])})`;
  if (/(?:^|[\x00-\x7f])\p{M}/u.test(value)) return 'must not put combining marks on plain letters or digits';
  return undefined;
}

/**
 * The form numbers are compared in (and claimed under): two numbers a user
 * reads as one have one key. Total: it also keys numbers stored before these
 * rules, which may not pass numberProblem.
 */
export function numberKey(value: string): string {
  const folded = value.normalize('NFKC').toLowerCase().replace(/ς/g, 'σ');
  const numeric = /^(\D*)(\d+)$/.exec(folded);
  return numeric ? numeric[1]! + numeric[2]!.replace(/^0+(?=\d)/, '') : folded;
}

/** Whether two numbers are the same number to a reader. */
export const sameNumber = (a: string, b: string): boolean => numberKey(a) === numberKey(b);

/** Whether a search finds a number: what the user typed (any case or width) is in it, or it is the same number. */
export function numberMatches(number: string, search: string): boolean {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase();
  return fold(number).includes(fold(search)) || sameNumber(number, search);
}
