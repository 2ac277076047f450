import { describe, expect, it } from 'vitest';
import { startsFilled } from '../../src/engine/fill.js';
import { isBlank } from '../../src/shared/text.js';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('startsFilled: a cell counted as filled by its first character', () => {
  it('never calls a blank cell filled: every code point alone, and followed by spaces', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      for (const text of [char, `${char}  `]) {
        if (startsFilled(bytesOf(text), 0) && isBlank(text)) wrong.push(code.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['Đà Nẵng', true],
    ['Đang hoạt động', true],
    ['Ấp 3', true],
    ['Nam', true],
    ['\u00a0x', false],
    ['\u1680', false],
    ['\u200b', false],
    ['\u3000', false],
    ['\ufeff', false],
    [' x', false],
  ])('%j → %s', (text, filled) => {
    expect(startsFilled(bytesOf(text), 0)).toBe(filled);
  });

  it('an invalid lead byte is filled (it reads as U+FFFD, which is not blank)', () => {
    expect(startsFilled(new Uint8Array([0xc4, 0x41]), 0)).toBe(true);
    expect(isBlank(Buffer.from([0xc4, 0x41]).toString('utf8'))).toBe(false);
  });
});
