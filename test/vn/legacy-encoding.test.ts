import { describe, expect, it } from 'vitest';
import {
  TCVN3_TABLE,
  assessVietnamese,
  decodeMojibake,
  decodeTcvn3,
  decodeViqr,
  decodeVni,
  decodeWindows1258,
  decomposedShape,
  diagnoseLegacyText,
  encodeCp1252,
  isOrdinaryText,
  isVietnameseSyllable,
} from '../../src/vn/legacy-encoding.js';

const asCp1252 = (text: string) => new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8'));

describe('syllable model', () => {
  it('accepts Vietnamese syllables in lower, upper and title case', () => {
    for (const w of ['Nguyễn', 'NGUYỄN', 'hương', 'Quyền', 'giữ', 'giường', 'khuỷu', 'Thuỷ', 'Thủy', 'hoặc', 'ngoẹo', 'xoong', 'Đà', 'à', 'Quảng', 'quyết', 'QUẢNG', 'Đắk', 'Lắk']) {
      expect(isVietnameseSyllable(w), w).toBe(true);
    }
  });

  it('refuses mixed case, two tones, a tone on a consonant and impossible rhymes', () => {
    for (const w of ['NguyÔn', 'néi', 'hµ', 'nguyễñ', 'ặễ', 'café', 'Öztürk', 'hơng', 'ơng', 'Mỹller']) {
      expect(isVietnameseSyllable(w), w).toBe(false);
    }
  });

  it('assesses words and stray symbols', () => {
    expect(assessVietnamese('Nguyễn Văn An, 12 Main St.')).toEqual({ words: 5, bad: 0, junk: 0 });
    expect(assessVietnamese('Céng hßa x· héi')).toEqual({ words: 4, bad: 2, junk: 1 });
  });
});

describe('decoders', () => {
  it('has the 74 TCVN3 entries of §4.5', () => {
    expect(TCVN3_TABLE.size).toBe(74);
    expect(TCVN3_TABLE.get('\u00b5')).toBe('à');
    expect(TCVN3_TABLE.get('\u00ad')).toBe('ư');
    expect(TCVN3_TABLE.get('\u00a7')).toBe('Đ');
    expect(TCVN3_TABLE.get('\u00fe')).toBe('ỵ');
  });

  it('decodes TCVN3, VNI, VIQR and Windows-1258 samples of §4.5', () => {
    expect(decodeTcvn3('NguyÔn V¨n Hïng')).toBe('Nguyễn Văn Hùng');
    expect(decodeTcvn3('Nguyen')).toBeNull();
    expect(decodeVni('Nguyeãn Vaên Huøng')).toBe('Nguyễn Văn Hùng');
    expect(decodeVni('AÙnh ÑOÃ THÒ')).toBe('Ánh ĐỖ THỊ');
    expect(decodeVni('Nguyen')).toBeNull();
    expect(decodeViqr('Nguye^~n Va(n Hu`ng')?.text).toBe('Nguyễn Văn Hùng');
    expect(decodeViqr('Hello')).toBeNull();
    expect(decodeWindows1258('NguyêÞn Vãn')).toBe('Nguyễn Văn');
    expect(decodeWindows1258('Nguyen')).toBeNull();
  });

  it('round-trips CP1252, including the 0x80–0x9F range and its undefined bytes', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = new TextDecoder('windows-1252').decode(bytes);
    expect(encodeCp1252(text)).toEqual(bytes);
    expect(encodeCp1252('Nguyễn')).toBeNull();
  });

  it('repairs mojibake, also when it happened twice', () => {
    expect(decodeMojibake('Nguyá»…n')).toBe('Nguyễn');
    expect(decodeMojibake(asCp1252(asCp1252('Đặng Thị Ánh')))).toBe('Đặng Thị Ánh');
    expect(decodeMojibake('café')).toBeNull();
  });
});

describe('diagnoseLegacyText', () => {
  it('leaves ordinary text alone', () => {
    const ordinary = [
      'Nguyễn Văn An', 'Ông', 'Ánh', 'Đỗ', 'Hà', 'Vãn', 'Hoà Bình', 'Öztürk', 'café', 'São Paulo', 'Hello, world.',
      "I'm here at 8 a.m.", 'Nguyen V. A.', 'N/A', '© 2024 Công ty', 'Hà Nội · Huế', 'Mlô', "Ksor H'Hen",
    ];
    for (const text of ordinary) expect(diagnoseLegacyText(text), text).toBeNull();
  });

  it('names the encoding and the decoded text', () => {
    expect(diagnoseLegacyText('Hµ Néi')).toEqual({ encodings: ['tcvn3'], decoded: 'Hà Nội', complete: true, whole: true });
    expect(diagnoseLegacyText('Haø Noäi')).toEqual({ encodings: ['vni'], decoded: 'Hà Nội', complete: true, whole: true });
    expect(diagnoseLegacyText(asCp1252('Hà Nội'))).toEqual({ encodings: ['mojibake'], decoded: 'Hà Nội', complete: true, whole: true });
    expect(diagnoseLegacyText('Höng')).toEqual({ encodings: ['tcvn3', 'vni'], decoded: null, complete: true, whole: true });
  });
});

describe('decomposedShape', () => {
  it('tells NFD from the Windows-1258 shape', () => {
    expect(decomposedShape('Nguyễn')).toBeNull();
    expect(decomposedShape('Nguyen')).toBeNull();
    expect(decomposedShape('Nguyễn'.normalize('NFD'))).toBe('NFD');
    expect(decomposedShape('Nguy\u00ea\u0303n')).toBe('CP1258');
  });
});

describe('ordinary text takes the fast path', () => {
  it('reads place names of every province as ordinary text, token by token', () => {
    for (const text of ['Thôn 3, xã Ea Kao, TP. Buôn Ma Thuột, Đắk Lắk', 'Số 12, đường Lê Lợi, Quảng Nam', 'Tổ 5, phường Quyết Thắng']) {
      expect(isOrdinaryText(text), text).toBe(true);
      expect(diagnoseLegacyText(text), text).toBeNull();
    }
  });
});
