import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../platform/http/errors.ts';
import { checkSet, inputsOf, loadSet } from './sets.ts';
import { tinySet, type RawSet } from './testing.ts';

const issuesOf = (raw: unknown) => {
  const r = checkSet(raw);
  return r.ok ? [] : r.issues;
};
const ind = (raw: RawSet, code: string) => raw.indicators.find((i) => i.code === code)! as RawSet['indicators'][number] & Record<string, unknown>;

describe('loading a set: the tiny set passes', () => {
  it('loads, with computed indicators in dependency order', () => {
    const s = loadSet(tinySet());
    assert.deepEqual(s.computeOrder, ['TRAIN', 'ONTIME', 'NET', 'COMBO']);
    assert.equal(s.indicators.size, 8);
  });
  it('the inputs a unit fills: figures, then entered indicators with their type', () => {
    const fields = inputsOf(loadSet(tinySet()));
    assert.deepEqual(fields.map((f) => `${f.code}:${f.type}`), [
      'staff:number', 'trained:number', 'computers:number', 'networked:number', 'received:number', 'onTime:number',
      'MEET:number', 'CHAIR:category', 'PAGES:number', 'PORTAL:boolean',
    ]);
    assert.equal(fields.find((f) => f.code === 'PORTAL')!.platformSource, 'portal.presence');
  });
});

describe('loading a set: each mistake is named, in Vietnamese and English', () => {
  const cases: [string, (r: RawSet) => void, string, RegExp, RegExp][] = [
    ['duplicate indicator code', (r) => { ind(r, 'NET').code = 'MEET'; }, 'MEET', /mã bị trùng/, /duplicate code/],
    ['figure and indicator share a code', (r) => { r.figures[0]!.code = 'MEET'; }, 'MEET', /mã bị trùng/, /duplicate code/],
    ['unknown group', (r) => { ind(r, 'PAGES').group = 'G9'; }, 'PAGES', /nhóm "G9" không có/, /group "G9" is not in the set/],
    ['group maxima do not add up', (r) => { ind(r, 'PAGES').max = 15; }, 'G1', /tổng điểm tối đa các chỉ số là 65, khác điểm của nhóm 60/, /add up to 65, not the group's 60/],
    ['groups do not add up to the total', (r) => { r.totalPoints = 1000; }, '(set)', /tổng điểm các nhóm là 100, khác tổng điểm 1000/, /add up to 100, not 1000/],
    ['a step above the max', (r) => { ind(r, 'MEET').rule = { kind: 'steps', steps: [{ min: 4, points: 25 }] }; }, 'MEET', /bậc 1 cho 25 điểm/, /step 1 gives 25 points, above the maximum 20/],
    ['steps out of order', (r) => { ind(r, 'MEET').rule = { kind: 'steps', steps: [{ min: 1, points: 5 }, { min: 4, points: 20 }] }; }, 'MEET', /giảm dần/, /decreasing threshold/],
    ['a category with points and share', (r) => { (ind(r, 'CHAIR').rule as { categories: { share?: number }[] }).categories[0]!.share = 1; }, 'CHAIR', /đúng một/, /exactly one of points or share/],
    ['formula names an unknown code', (r) => { ind(r, 'NET').rule = { kind: 'formula', expression: 'networkd / computers * 10' }; }, 'NET', /"networkd" không có/, /refers to "networkd", which is not in the set/],
    ['formula names a categorical indicator', (r) => { ind(r, 'NET').rule = { kind: 'formula', expression: 'CHAIR * 2' }; }, 'NET', /chỉ số phân loại "CHAIR"/, /categorical indicator "CHAIR"/],
    ['formula does not parse', (r) => { ind(r, 'NET').rule = { kind: 'formula', expression: 'min(networked, ' }; }, 'NET', /sai cú pháp ở vị trí 16/, /malformed at position 16/],
    ['ratio names an unknown code', (r) => { ind(r, 'TRAIN').rule = { kind: 'ratio', numerator: 'trained', denominator: 'staf' }; }, 'TRAIN', /"staf"/, /"staf"/],
    ['a formula reading itself', (r) => { ind(r, 'NET').rule = { kind: 'formula', expression: 'NET + 1' }; }, 'NET', /vòng lặp: NET → NET/, /cycle: NET → NET/],
    ['validation rule names an unknown code', (r) => { r.validations[0]!.right = 'staf'; }, 'V_TRAINED', /"staf" không có/, /"staf"/],
    ['validation rule on a computed indicator', (r) => { r.validations[0]!.left = 'TRAIN'; }, 'V_TRAINED', /chỉ số tính toán "TRAIN"/, /computed indicator "TRAIN"/],
    ['platform source on a formula', (r) => { ind(r, 'NET').platformSource = 'dossiers.onTimeShare'; }, 'NET', /nền tảng/, /platform/],
    ['amber above green', (r) => { r.lights = { green: 0.5, amber: 0.8 }; }, '(set)', /ngưỡng vàng/, /amber threshold/],
    ['schema: negative max, named by code', (r) => { ind(r, 'PORTAL').max = -1; }, 'PORTAL.max', /PORTAL\.max: dữ liệu không hợp lệ/, /PORTAL\.max: invalid/],
    ['schema: unknown rule kind', (r) => { (ind(r, 'PORTAL').rule as { kind: string }).kind = 'lottery'; }, 'PORTAL.rule.kind', /không hợp lệ/, /invalid/],
    ['schema: reserved code', (r) => { r.figures[0]!.code = 'max'; }, 'max.code', /không hợp lệ/, /reserved/],
  ];
  for (const [name, breakIt, where, vi, en] of cases) it(name, () => {
    const raw = tinySet();
    breakIt(raw);
    const issue = issuesOf(raw).find((i) => i.where === where);
    assert.ok(issue, `no issue at ${where}: ${JSON.stringify(issuesOf(raw))}`);
    assert.match(issue.vi, vi);
    assert.match(issue.en, en);
  });

  it('a cycle through two formulas is reported once', () => {
    const raw = tinySet();
    ind(raw, 'NET').rule = { kind: 'formula', expression: 'COMBO / 2' };
    const cycles = issuesOf(raw).filter((i) => /cycle/.test(i.en));
    assert.deepEqual(cycles.map((c) => c.en), ['COMBO: the formulas form a cycle: COMBO → NET → COMBO']);
  });
  it('loadSet throws SET_INVALID with every issue in details', () => {
    const raw = tinySet();
    ind(raw, 'PAGES').group = 'G9';
    ind(raw, 'NET').code = 'MEET';
    assert.throws(() => loadSet(raw), (e: unknown) => {
      const issues = (e as AppError).details?.issues as { where: string }[];
      return e instanceof AppError && e.code === 'SET_INVALID' && e.status === 422 && issues.length === 4 && /PAGES: group "G9"/.test(e.text.en);
    });
  });
  it('not an object at all', () => assert.equal(issuesOf('nonsense')[0]!.where, '(set)'));
});
