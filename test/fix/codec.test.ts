import { describe, expect, it } from 'vitest';
import { canWrite, createCodec, UnencodableError } from '../../src/fix/codec.js';

// Every Vietnamese letter: 12 vowels with 6 tones, and đ, both cases.
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const LETTERS = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'].flatMap((l) => [l, l.toUpperCase()]);

describe('codec', () => {
  it('writes every Vietnamese letter in windows-1258 so that the check reads it back', () => {
    const codec = createCodec('windows-1258', false);
    const decoder = new TextDecoder('windows-1258');
    expect(LETTERS).toHaveLength(146);
    for (const letter of LETTERS) expect(decoder.decode(codec.encode(letter)).normalize('NFC')).toBe(letter);
    expect(decoder.decode(codec.encode('Nguyễn Thị Ánh Tuyết')).normalize('NFC')).toBe('Nguyễn Thị Ánh Tuyết');
  });

  it('refuses what windows-1258 and latin1 cannot hold', () => {
    expect(() => createCodec('windows-1258', false).encode('漢')).toThrow(UnencodableError);
    expect(() => createCodec('latin1', false).encode('ệ')).toThrow(UnencodableError);
  });

  it('copies any byte of a single-byte file as it is, and reads cells as the check does (NFC)', () => {
    const codec = createCodec('windows-1258', false);
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const units = codec.units(bytes, true);
    expect(codec.copy(units).equals(bytes)).toBe(true);
    expect(codec.text(codec.units(Buffer.from([0x65, 0xf2]), true))).toBe('ẹ');
  });

  it('copies invalid UTF-8 bytes unchanged', () => {
    const codec = createCodec('utf-8', false);
    const bytes = Buffer.from([0x41, 0xc3, 0x28, 0xff]);
    expect(codec.copy(codec.units(bytes, true)).equals(bytes)).toBe(true);
  });

  it('knows which encodings it can write back', () => {
    expect(['utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'windows-1252'].every(canWrite)).toBe(true);
    expect(canWrite('shift_jis')).toBe(false);
    expect(createCodec('shift_jis', true).encode('日本')).toEqual(Buffer.from('日本'));
    expect(() => createCodec('shift_jis', false).encode('x')).toThrow(UnencodableError);
  });
});
