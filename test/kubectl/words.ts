// Test helper: command lines written as one string, split like a shell.

/** Split a command line the way a shell would for these cases: blanks separate words, '…' quotes. */
export function words(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (ch === " ") {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else {
      word = (word ?? "") + ch;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}
