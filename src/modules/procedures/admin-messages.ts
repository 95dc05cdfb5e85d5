// Messages of the administrators' synonym page /quan-tri/tu-dong-nghia.
import type { Text } from '../../platform/web/i18n.ts';

export const synonymsPage = {
  title: { vi: 'Từ đồng nghĩa khi tìm thủ tục', en: 'Search synonyms for procedures' },
  lead: {
    vi: 'Khi người dân gõ một từ ở cột bên trái, hệ thống tìm thêm cả cụm từ ở cột bên phải. Ví dụ: "bằng lái" → "giấy phép lái xe". Không phân biệt dấu và chữ hoa.',
    en: 'When someone searches for a word in the left column, the search also looks for the words on the right, e.g. "bằng lái" → "giấy phép lái xe". Accents and case do not matter.',
  },
  listCaption: { vi: 'Danh sách từ đồng nghĩa ({n})', en: 'Synonyms ({n})' },
  colTerm: { vi: 'Từ người dân gõ', en: 'Word people type' },
  colExpansion: { vi: 'Tìm thêm', en: 'Also search for' },
  colBy: { vi: 'Người thêm', en: 'Added by' },
  colAction: { vi: 'Thao tác', en: 'Action' },
  seeded: { vi: 'Có sẵn', en: 'Built in' },
  remove: { vi: 'Xóa', en: 'Remove' },
  removeLabel: { vi: 'Xóa từ đồng nghĩa "{term}"', en: 'Remove the synonym "{term}"' },
  empty: { vi: 'Chưa có từ đồng nghĩa nào.', en: 'There are no synonyms yet.' },
  addHeading: { vi: 'Thêm từ đồng nghĩa', en: 'Add a synonym' },
  termLabel: { vi: 'Từ người dân gõ', en: 'Word people type' },
  termHint: { vi: 'Ví dụ: sổ đỏ', en: 'For example: sổ đỏ' },
  expansionLabel: { vi: 'Tìm thêm cụm từ', en: 'Also search for' },
  expansionHint: { vi: 'Cách gọi trong danh mục thủ tục, ví dụ: giấy chứng nhận quyền sử dụng đất', en: 'The words the catalogue uses, e.g. giấy chứng nhận quyền sử dụng đất' },
  addButton: { vi: 'Thêm', en: 'Add' },
  saved: {
    added: { vi: 'Đã thêm từ đồng nghĩa.', en: 'The synonym was added.' },
    removed: { vi: 'Đã xóa từ đồng nghĩa.', en: 'The synonym was removed.' },
  },
  tryIt: { vi: 'Thử tìm kiếm', en: 'Try a search' },
} as const;

export const synonymErrors = {
  termMissing: { vi: 'Nhập từ người dân gõ.', en: 'Enter the word people type.' },
  termTooLong: { vi: 'Từ tối đa 100 ký tự.', en: 'The word has at most 100 characters.' },
  termNoWords: { vi: 'Từ phải có ít nhất một chữ cái hoặc chữ số.', en: 'The word needs at least one letter or digit.' },
  expansionMissing: { vi: 'Nhập cụm từ cần tìm thêm.', en: 'Enter the words to search for as well.' },
  expansionTooLong: { vi: 'Cụm từ tối đa 200 ký tự.', en: 'The words have at most 200 characters.' },
  same: { vi: 'Cụm từ tìm thêm phải khác từ người dân gõ.', en: 'The words to search for must differ from the word typed.' },
  duplicate: { vi: 'Từ này đã có trong danh sách (không phân biệt dấu).', en: 'This word is already in the list (accents ignored).' },
} as const satisfies Record<string, Text>;
