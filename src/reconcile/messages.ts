import type { Bilingual } from '../model.js';

// `dqc reconcile`: user-visible texts in both languages, beside src/messages/operational.ts (its errors).
// Finding templates are in src/reconcile/kinds.ts (they travel in the report, like a check type's messages).
export const reconcileMessages = {
  'reconcile.reference-required': { en: '--reference <file> is required', vi: 'cần có --reference <tệp>' },
  'reconcile.reference-one-file': {
    en: '--reference must name one file; {path} matches {count}',
    vi: '--reference phải chỉ đúng một tệp; {path} khớp với {count} tệp',
  },
  'reconcile.reference-is-input': {
    en: '{path} is both an input and the reference',
    vi: '{path} vừa là tệp đầu vào vừa là dữ liệu đối chiếu',
  },
  'reconcile.unknown-key': {
    en: '--key names field "{field}", which no pack declares (declared: {known})',
    vi: '--key dùng trường "{field}" mà không bộ quy tắc nào khai báo (các trường có: {known})',
  },

  // Command line
  'cli.reconcile': {
    en: 'compare exports with an extract of the population database (the reference) and report what differs',
    vi: 'đối chiếu dữ liệu với bản trích xuất từ cơ sở dữ liệu quốc gia về dân cư (dữ liệu đối chiếu) và báo cáo các điểm khác biệt',
  },
  'cli.reconcile.inputs': {
    en: 'files or globs to reconcile (CSV, TSV, JSON, NDJSON, optionally .gz)',
    vi: 'tệp hoặc mẫu glob cần đối chiếu (CSV, TSV, JSON, NDJSON, có thể nén .gz)',
  },
  'cli.opt.reference': {
    en: 'the reference extract: one CSV or JSON file, bound by the same packs',
    vi: 'tệp dữ liệu đối chiếu: một tệp CSV hoặc JSON, gắn cột theo cùng các bộ quy tắc',
  },
  'cli.opt.reconcile-key': { en: 'field the records are matched on (default id_number)', vi: 'trường dùng để ghép bản ghi (mặc định id_number)' },
  'cli.opt.expect-complete': {
    en: 'the inputs should hold every person of the reference: report those missing',
    vi: 'các tệp đầu vào phải có đủ mọi người trong dữ liệu đối chiếu: báo cáo những người còn thiếu',
  },
  'cli.opt.reference-column': {
    en: 'bind a field to a header of the reference, e.g. id_number="SO_DDCN" (repeatable)',
    vi: 'gắn trường với tên cột của dữ liệu đối chiếu, ví dụ id_number="SO_DDCN" (dùng được nhiều lần)',
  },
  'cli.opt.reconcile-fixes': {
    en: 'write the proposed fixes to this file (.csv or .jsonl)',
    vi: 'ghi danh sách đề xuất sửa vào tệp này (.csv hoặc .jsonl)',
  },
} satisfies Record<string, Bilingual>;
