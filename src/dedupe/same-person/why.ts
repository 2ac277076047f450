// The reasons a pair scored as it did (PairScorer.reasons), said in Vietnamese. The scorer builds
// them from a fixed set of English phrases; this table turns each phrase into its Vietnamese twin so
// a finding carries both (`why`, `why_vi`) and the report renders either language.

const PHRASES: [RegExp, string][] = [
  [/^name /, 'họ tên '],
  [/middle name partly missing/g, 'thiếu một phần tên đệm'],
  [/middle name missing/g, 'thiếu tên đệm'],
  [/middle name typo/g, 'lỗi gõ tên đệm'],
  [/middle name differs/g, 'tên đệm khác'],
  [/given name typo/g, 'lỗi gõ tên'],
  [/given name differs/g, 'tên khác'],
  [/family name typo/g, 'lỗi gõ họ'],
  [/family name differs/g, 'họ khác'],
  [/family (\w+)~(\w+)/g, 'họ $1~$2'],
  [/no diacritics/g, 'không dấu'],
  [/diacritics differ/g, 'khác dấu'],
  [/common name/g, 'tên phổ biến'],
  [/rare name/g, 'tên hiếm'],
  [/^dob missing$/, 'thiếu ngày sinh'],
  [/^dob one digit off in the decade$/, 'ngày sinh sai một chữ số ở hàng chục của năm'],
  [/^dob one digit off$/, 'ngày sinh sai một chữ số'],
  [/^dob day\/month swapped$/, 'ngày sinh đảo ngày và tháng'],
  [/^dob same year only$/, 'ngày sinh chỉ trùng năm'],
  [/^dob /, 'ngày sinh '],
  [/^sex missing$/, 'thiếu giới tính'],
  [/^sex /, 'giới tính '],
  [/^id missing$/, 'thiếu số định danh'],
  [/^id one digit off$/, 'số định danh sai một chữ số'],
  [/^id /, 'số định danh '],
  [/^place /, 'nơi đăng ký khai sinh '],
  [/^phone /, 'số điện thoại '],
];

/** One reason in Vietnamese ('dob one digit off' → 'ngày sinh sai một chữ số'). */
export function reasonInVietnamese(reason: string): string {
  let text = reason;
  for (const [pattern, replacement] of PHRASES) text = text.replace(pattern, replacement);
  return text;
}
