// The demo children the README prints and the tests use: enrolment codes and personal ID numbers to try /tuyen-sinh.
import type { Level } from './tables.ts';

export interface DemoChild {
  code: string;
  personalId: string;
  fullName: string;
  birthDate: string;
  /** Hà Nội unit (GSO code) the child lives in. */
  residenceUnit: string;
  level: Level;
  finishedGrade5?: boolean;
  /** What a visitor sees when trying this child. */
  note: string;
}

export const DEMO_SCHOOL_YEAR = '2026-2027';

export const DEMO_CHILDREN: readonly DemoChild[] = [
  { code: 'L1HK26AN01', personalId: '001220001001', fullName: 'Nguyễn Minh An', birthDate: '2020-03-14', residenceUnit: '00070', level: 'grade1', note: 'grade 1, Hoàn Kiếm: open round' },
  { code: 'L1CG26BI02', personalId: '001220001002', fullName: 'Trần Bảo Anh', birthDate: '2020-11-02', residenceUnit: '00166', level: 'grade1', note: 'grade 1, Cầu Giấy: open round' },
  { code: 'L1SS26CU03', personalId: '001220001003', fullName: 'Lê Gia Huy', birthDate: '2020-07-21', residenceUnit: '00376', level: 'grade1', note: 'grade 1, Sóc Sơn: open round' },
  { code: 'L1LB26DA04', personalId: '001219001004', fullName: 'Phạm Thu Hà', birthDate: '2019-05-30', residenceUnit: '00145', level: 'grade1', note: 'grade 1, born 2019: refused, not of age' },
  { code: 'MNHK26EM05', personalId: '001221001005', fullName: 'Vũ Khánh Linh', birthDate: '2021-09-09', residenceUnit: '00070', level: 'kindergarten', note: 'kindergarten: round closed' },
  { code: 'L6CG26GI06', personalId: '001215001006', fullName: 'Đỗ Quang Minh', birthDate: '2015-01-20', residenceUnit: '00166', level: 'grade6', finishedGrade5: true, note: 'grade 6: round not open yet' },
];
