import vnTextEncoding from '../../src/checks/vn-text-encoding.js';
import { CheckTester } from '../support/check-tester.js';

// Mojibake made the way it happens: UTF-8 bytes decoded as Windows-1252 (WHATWG), not by our encoder.
const asCp1252 = (text: string) => new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8'));
const set = (value: string, confidence: number) => ({ action: 'set', value, confidence }) as const;

CheckTester.run('vn-text-encoding', vnTextEncoding, {
  valid: [
    { rows: ['Nguyễn Văn An', 'Trần Thị Hương', 'Đặng Thị Ánh', 'Lê Hoàng Long'] },
    // Vietnamese words made only of Latin-1 letters: each is also a legacy byte
    { rows: ['Ông', 'Ánh', 'Hà', 'Vãn', 'Hoà', 'Lê Thị Hà'] },
    { rows: ['Đỗ', 'Huỳnh', 'Thuỷ', 'Khoẻ', 'Quyền', 'Nghiêm'] },
    { rows: ['Öztürk', 'café', 'Müller', 'São Paulo', 'naïve', 'Zoë', 'Muñoz'] },
    { rows: ['Hello, world.', "What's up?", "O'Brien", "I'm here at 8 a.m.", 'e.g. this', 'Mr. Smith'] },
    { rows: ['Nguyen Van An', 'TRAN THI HUONG', 'Nguyen V. A.', 'N/A', 'C++', 'a.b@c.vn'] },
    { rows: ['Cộng hòa xã hội chủ nghĩa Việt Nam', 'Độc lập - Tự do - Hạnh phúc'] },
    { rows: ['Số 12, đường Lê Lợi, P. Bến Thành, Q.1, Tp.HCM', 'Khu phố 3, Tổ 5'] },
    { rows: ["Ksor H'Hen", 'Y Ngông Niê Kdăm', 'Rơ Mah Thị Hơ Lan', 'Giàng A Páo', 'Mlô'] },
    { rows: ['© 2024 Công ty', 'Hà Nội · Huế · Đà Nẵng', '25°C', 'Giá: 100.000 ₫ – 200.000 ₫'] },
    { rows: ['https://example.com/?q=a.b', 'or `oa`/`uy` in code', 'file_v2.py`'] },
    { rows: ['', ' ', '\u00a0'] },
    { rows: ['12345', '001099012345', '15/06/1990'] },
    { rows: ['Nguye\u0302\u0303n'], options: { check_nfd: false } },
    { rows: ['Hoàng', 'Huỳnh', 'Vũ', 'Võ', 'Bùi', 'Dương', 'Lý', 'Ngô', 'Hồ'] },
    { rows: ['Thành phố Hồ Chí Minh', 'Bà Rịa - Vũng Tàu', 'Thừa Thiên Huế', 'Đắk Lắk', 'Kon Tum'] },
  ],
  invalid: [
    {
      rows: ['NguyÔn V¨n Hïng'],
      columns: ['ho_ten'],
      errors: [
        { messageId: 'tcvn3', row: 1, data: { field: 'ho_ten', value: 'NguyÔn V¨n Hïng' }, fix: set('Nguyễn Văn Hùng', 0.95) },
      ],
    },
    {
      rows: ['Hµ Néi', 'Hà Nội', 'Céng hßa x· héi chñ nghÜa ViÖt Nam'],
      errors: [
        { messageId: 'tcvn3', row: 1, fix: set('Hà Nội', 0.95) },
        { messageId: 'tcvn3', row: 3, fix: set('Cộng hòa xã hội chủ nghĩa Việt Nam', 0.95) },
      ],
    },
    {
      // ư is TCVN3's soft hyphen 0xAD, often lost: H¬ng is Hương
      rows: ['TrÇn ThÞ H¬ng', 'Sè 12 ®\u00adêng Lª Lîi'],
      errors: [
        { messageId: 'tcvn3', row: 1, fix: set('Trần Thị Hương', 0.95) },
        { messageId: 'tcvn3', row: 2, fix: set('Số 12 đường Lê Lợi', 0.95) },
      ],
    },
    {
      // upper-case TCVN3 ("H" fonts) reuses the lower-case bytes
      rows: ['NGUYÔN V¨N AN'],
      errors: [{ messageId: 'tcvn3', row: 1, fix: set('NGUYỄN VĂN AN', 0.95) }],
    },
    {
      rows: ['Nguyeãn Vaên Huøng', 'Traàn Thò Höông', 'Haø Noäi'],
      errors: [
        { messageId: 'vni', row: 1, data: { value: 'Nguyeãn Vaên Huøng' }, fix: set('Nguyễn Văn Hùng', 0.95) },
        { messageId: 'vni', row: 2, fix: set('Trần Thị Hương', 0.95) },
        { messageId: 'vni', row: 3, fix: set('Hà Nội', 0.95) },
      ],
    },
    {
      rows: ['Nguye^~n Va(n Hu`ng', 'Vie^.t Nam', 'Nguye^~n Thi.', 'DDo^~ Va(n Tu+o+ng'],
      errors: [
        { messageId: 'viqr', row: 1, fix: set('Nguyễn Văn Hùng', 0.9) },
        { messageId: 'viqr', row: 2, fix: set('Việt Nam', 0.9) },
        { messageId: 'viqr', row: 3, fix: set('Nguyễn Thị', 0.9) },
        { messageId: 'viqr', row: 4, fix: set('Đỗ Văn Tương', 0.9) },
      ],
    },
    {
      // Windows-1258 bytes read as CP1252: combining tones show as Þ Ì ò, ă as ã, Đ as Ð
      rows: ['NguyêÞn Vãn', 'Ðãòng Thiò Hýõng', 'TrâÌn'],
      errors: [
        { messageId: 'windows-1258', row: 1, fix: set('Nguyễn Văn', 0.95) },
        { messageId: 'windows-1258', row: 2, fix: set('Đặng Thị Hương', 0.95) },
        { messageId: 'windows-1258', row: 3, fix: set('Trần', 0.95) },
      ],
    },
    {
      rows: ['Nguyá»…n', 'Tráº§n Thá»‹ HÆ°Æ¡ng'],
      errors: [
        { messageId: 'mojibake', row: 1, data: { value: 'Nguyá»…n' }, fix: set('Nguyễn', 0.98) },
        { messageId: 'mojibake', row: 2, fix: set('Trần Thị Hương', 0.98) },
      ],
    },
    {
      // NFD text (macOS) that then went through the mojibake
      rows: ['NguyÃªÌƒn'],
      errors: [{ messageId: 'mojibake', row: 1, fix: set('Nguyễn', 0.98) }],
    },
    {
      rows: [asCp1252('Đặng Thị Ánh'), asCp1252('Nguyễn Văn Đức'), asCp1252('Hà Nội')],
      errors: [
        { messageId: 'mojibake', row: 1, fix: set('Đặng Thị Ánh', 0.98) },
        { messageId: 'mojibake', row: 2, fix: set('Nguyễn Văn Đức', 0.98) },
        { messageId: 'mojibake', row: 3, fix: set('Hà Nội', 0.98) },
      ],
    },
    {
      // mojibake twice over
      rows: [asCp1252(asCp1252('Nguyễn Thị Minh Khai'))],
      errors: [{ messageId: 'mojibake', row: 1, fix: set('Nguyễn Thị Minh Khai', 0.98) }],
    },
    {
      // lossy: the NBSP of à became a space, the undefined 0x90 of Đ was dropped, or mojibake is
      // mixed with correct text; repaired piece by piece, with less confidence
      rows: [
        asCp1252('Hà Nội').replace('\u00a0', ' '),
        asCp1252('Đinh Văn Đức').replace(/\u0090/g, ''),
        `Nguyễn Văn ${asCp1252('Đức')}`,
      ],
      errors: [
        { messageId: 'mojibake', row: 1, fix: set('Hà Nội', 0.8) },
        { messageId: 'mojibake', row: 2, fix: set('Đinh Văn Đức', 0.8) },
        { messageId: 'mojibake', row: 3, fix: set('Nguyễn Văn Đức', 0.8) },
      ],
    },
    {
      // a foreign word does not decode: the rest does, so the fix is offered with low confidence
      rows: ['Cty TNHH Müller ViÖt Nam'],
      errors: [{ messageId: 'tcvn3', row: 1, fix: set('Cty TNHH Mỹller Việt Nam', 0.6) }],
    },
    {
      // TCVN3 Hửng or VNI Hưng: both are Vietnamese, a person must choose
      rows: ['Höng', 'Nguyễn Văn Hưng'],
      columns: ['ten'],
      errors: [
        {
          messageId: 'ambiguous-encoding',
          row: 1,
          data: { field: 'ten', encodings: 'TCVN3, VNI' },
          fix: { action: 'review', confidence: 0.5 },
        },
      ],
    },
    {
      rows: ['Nguy\u00ea\u0303n V\u0103n', 'Nguyễn Văn'.normalize('NFD')],
      columns: ['ho_ten'],
      errors: [
        { messageId: 'nfd', row: 1, data: { field: 'ho_ten', shape: 'CP1258' }, fix: set('Nguyễn Văn', 1) },
        { messageId: 'nfd', row: 2, data: { shape: 'NFD' }, fix: set('Nguyễn Văn', 1) },
      ],
    },
    {
      // Windows-1258 decoded but never recomposed: â ê ô ă ơ ư + a combining tone
      rows: ['Tra\u0302\u0300n Thi\u0323 Hu\u031bo\u031bng', 'Trần Thị Hương', 'Tr\u00e2\u0300n'],
      errors: [
        { messageId: 'nfd', row: 1, data: { shape: 'NFD' }, fix: set('Trần Thị Hương', 1) },
        { messageId: 'nfd', row: 3, data: { shape: 'CP1258' }, fix: set('Trần', 1) },
      ],
    },
    {
      rows: ['Nguyễn Văn An', 'NguyÔn V¨n An', 'Nguyeãn Vaên An', 'Nguyá»…n VÄƒn An', 'Nguye^~n Va(n An', 'Nguyen Van An'],
      errors: [
        { messageId: 'tcvn3', row: 2, fix: set('Nguyễn Văn An', 0.95) },
        { messageId: 'vni', row: 3, fix: set('Nguyễn Văn An', 0.95) },
        { messageId: 'mojibake', row: 4, fix: set('Nguyễn Văn An', 0.98) },
        { messageId: 'viqr', row: 5, fix: set('Nguyễn Văn An', 0.9) },
      ],
    },
  ],
});
