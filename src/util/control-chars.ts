/**
 * Terminal control sequences and other invisible control characters in a value from the data.
 * A cell like "\x1b[31mRED\x1b[0m" or an OSC 8 hyperlink ("\x1b]8;;http://…\x07") would
 * recolour, retitle or link the marketer's terminal when `show` prints the level, and hide
 * text in logs; they carry no meaning in customer data. Tab, line feed and carriage return stay
 * (text cells may hold line breaks; they are collapsed where a value is shown on one line).
 */
// ANSI CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-byte ESC sequences, then single C0/C1 controls and DEL.
const CONTROL = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

export function stripControls(s: string): string {
  // Most values have none: test before replacing (millions of cells).
  return /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/.test(s) ? s.replace(CONTROL, '') : s;
}
