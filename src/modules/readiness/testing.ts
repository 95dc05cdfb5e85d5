// A small indicator set for tests: 100 points, two groups, one indicator of every rule kind, three validation rules.
const t = (vi: string, en: string) => ({ vi, en });
const common = { evidence: t('Văn bản', 'Document'), dataSource: t('Đơn vị tự đánh giá', 'Self-assessment'), verifier: t('Sở KH&CN', 'Department of Science and Technology') };

/** A fresh copy each time, so that a test may break it. */
export function tinySet() {
  return {
    id: 'test-tiny',
    year: 2025,
    peerGroup: 'commune',
    effectiveFrom: '2025-10-23',
    source: { decision: 'test', date: '2025-10-23', title: t('Bộ chỉ số thử', 'Test set') },
    plausible: true,
    totalPoints: 100,
    lights: { green: 0.8, amber: 0.5 },
    merge: { default: 'mean' },
    groups: [
      { code: 'G1', name: t('Nhóm 1', 'Group 1'), max: 60 },
      { code: 'G2', name: t('Nhóm 2', 'Group 2'), max: 40 },
    ],
    figures: [
      { code: 'staff', name: t('Số cán bộ', 'Staff'), unit: t('người', 'people'), merge: 'sum' },
      { code: 'trained', name: t('Số cán bộ được bồi dưỡng', 'Trained staff'), unit: t('người', 'people'), merge: 'sum' },
      { code: 'computers', name: t('Số máy tính', 'Computers'), unit: t('máy', 'computers'), merge: 'sum' },
      { code: 'networked', name: t('Số máy tính nối mạng', 'Networked computers'), unit: t('máy', 'computers'), merge: 'sum' },
      { code: 'received', name: t('Hồ sơ tiếp nhận', 'Dossiers received'), unit: t('hồ sơ', 'dossiers'), merge: 'sum' },
      { code: 'onTime', name: t('Hồ sơ đúng hạn', 'Dossiers on time'), unit: t('hồ sơ', 'dossiers'), merge: 'sum' },
    ],
    indicators: [
      { code: 'MEET', group: 'G1', name: t('Số cuộc họp BCĐ', 'Steering meetings'), max: 20, unit: t('cuộc', 'meetings'), ...common,
        rule: { kind: 'steps', steps: [{ min: 4, points: 20 }, { min: 3, points: 15 }, { min: 2, points: 10 }, { min: 1, points: 5 }] } },
      { code: 'TRAIN', group: 'G1', name: t('Tỷ lệ được bồi dưỡng', 'Share trained'), max: 10, unit: t('%', '%'), ...common,
        rule: { kind: 'ratio', numerator: 'trained', denominator: 'staff' } },
      { code: 'ONTIME', group: 'G1', name: t('Tỷ lệ hồ sơ đúng hạn', 'Share on time'), max: 10, unit: t('%', '%'), ...common,
        rule: { kind: 'ratio', numerator: 'onTime', denominator: 'received', whenZero: 'full' } },
      { code: 'CHAIR', group: 'G1', name: t('Người chủ trì', 'Chaired by'), max: 10, unit: t('loại', 'category'), ...common, merge: 'largest',
        rule: { kind: 'categorical', categories: [
          { value: 'chairman', label: t('Chủ tịch', 'Chairman'), points: 10 },
          { value: 'deputy', label: t('Phó Chủ tịch', 'Deputy'), share: 0.5 },
          { value: 'none', label: t('Không', 'None'), points: 0 },
        ] } },
      { code: 'PAGES', group: 'G1', name: t('Số tin bài', 'Articles'), max: 10, unit: t('tin', 'articles'), ...common, rule: { kind: 'relative' } },
      { code: 'PORTAL', group: 'G2', name: t('Có trang thông tin', 'Has a portal'), max: 10, unit: t('có/không', 'yes/no'), ...common,
        platformSource: 'portal.presence', rule: { kind: 'boolean' } },
      // Listed before NET, which it reads: the scorer must compute NET first.
      { code: 'COMBO', group: 'G2', name: t('Chỉ số tổng hợp', 'Composite'), max: 20, unit: t('điểm', 'points'), ...common,
        rule: { kind: 'formula', expression: 'MEET / 4 * 10 + NET' } },
      { code: 'NET', group: 'G2', name: t('Máy nối mạng', 'Networked'), max: 10, unit: t('điểm', 'points'), ...common,
        rule: { kind: 'formula', expression: 'min(10, networked / computers * 10)' } },
    ],
    validations: [
      { code: 'V_TRAINED', left: 'trained', op: '≤', right: 'staff', message: t('Số được bồi dưỡng không vượt số cán bộ', 'Trained staff cannot exceed staff') },
      { code: 'V_NETWORKED', left: 'networked', op: '≤', right: 'computers', message: t('Máy nối mạng không vượt số máy', 'Networked computers cannot exceed computers') },
      { code: 'V_SHARE', left: 'onTime / received * 100', op: '≤', right: '100', message: t('Tỷ lệ không vượt 100%', 'A share cannot exceed 100%') },
    ],
  };
}

export type RawSet = ReturnType<typeof tinySet>;
