/**
 * V8's JSON.parse messages either name a position ("… in JSON at position 11") or quote the text
 * around the error ("Unexpected token ',', …"rules": [,]…" is not valid JSON"). The quote can be
 * personal data and is long, so it is cut from the reason; the position is kept when given.
 */
export function splitJsonError(error: unknown): { reason: string; position: number | undefined } {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  const reason = message.replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+[\s\S]*$/, '');
  return { reason, position: match ? Number(match[1]) : undefined };
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  return { line: before.split('\n').length, column: position - (before.lastIndexOf('\n') + 1) + 1 };
}
