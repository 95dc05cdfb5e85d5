// The round's results, twice: the office's page (/quan-ly/tuyen-sinh/so/:round/ket-qua: publish the commitment, run
// the allocation) and the public page (/tuyen-sinh/ket-qua/:round: the commitment with its time, after the draw the
// seed and every draw with its list and result, and how to recompute them — docs/admission-lottery.md §3–4).
import type { FastifyRequest } from 'fastify';
import { t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import { CardsTable, CsrfField, Page } from '../../../platform/web/layout.tsx';
import type { Round } from '../repo.ts';
import type { PublicResults, PublishedDraw } from '../results.ts';
import { ExactTime } from './parts.tsx';
import { OfficeNav, OFFICE, PUBLIC_RESULTS } from './office-parts.tsx';

const r = {
  officeTitle: { vi: 'Bốc thăm và kết quả tuyển sinh', en: 'Admission draw and results' },
  publicTitle: { vi: 'Kết quả tuyển sinh và bốc thăm công khai', en: 'Admission results and public draw' },
  commitment: { vi: 'Mã cam kết SHA-256(hạt giống)', en: 'Commitment SHA-256(seed)' },
  committedAt: { vi: 'Công bố lúc', en: 'Published at' },
  noCommitment: { vi: 'Chưa công bố mã cam kết.', en: 'No commitment has been published yet.' },
  seed: { vi: 'Hạt giống (công bố sau khi bốc thăm)', en: 'Seed (revealed after the draw)' },
  seedSecret: { vi: 'Hạt giống được giữ kín đến khi bốc thăm.', en: 'The seed stays secret until the draw.' },
  drawnAt: { vi: 'Xét tuyển lúc', en: 'Allocated at' },
  admitted: { vi: 'Trúng tuyển', en: 'Admitted' },
  notAdmitted: { vi: 'Không trúng tuyển', en: 'Not admitted' },
  draws: { vi: 'Các lượt bốc thăm', en: 'The draws' },
  noDraws: { vi: 'Không có lượt bốc thăm nào: mọi nhóm đều đủ chỗ.', en: 'No draw was needed: every group fitted its places.' },
  stage: { vi: 'Bước', en: 'Stage' },
  school: { vi: 'Trường', en: 'School' },
  group: { vi: 'Nhóm ưu tiên', en: 'Priority group' },
  places: { vi: 'Số chỗ', en: 'Places' },
  count: { vi: 'Số hồ sơ', en: 'Applications' },
  files: { vi: 'Tệp', en: 'Files' },
  list: { vi: 'danh sách', en: 'list' },
  result: { vi: 'kết quả', en: 'result' },
  publish: { vi: 'Tạo hạt giống và công bố mã cam kết', en: 'Create the seed and publish the commitment' },
  publishHint: {
    vi: 'Làm trước khi đóng cổng đăng ký. Hạt giống được giữ kín; chỉ mã cam kết được công bố.',
    en: 'Do this before registration closes. The seed stays secret; only its commitment is published.',
  },
  run: { vi: 'Xét tuyển và công bố kết quả', en: 'Run the allocation and publish the results' },
  runHint: {
    vi: 'Chỉ sau khi đóng cổng. Mọi hồ sơ nhận kết quả, lý do và lịch xác nhận nhập học; không thể làm lại.',
    en: 'Only after registration closes. Every application gets its result, reason and confirmation appointment; it cannot be undone.',
  },
  publicPage: { vi: 'Trang công khai của đợt này', en: 'This round’s public page' },
  done: { vi: 'Đã thực hiện.', en: 'Done.' },
  verify: { vi: 'Tự kiểm tra', en: 'Check it yourself' },
} satisfies Record<string, Text>;

const STAGE: Record<PublishedDraw['stage'], Text> = {
  catchment: { vi: 'Đúng tuyến, trường quá chỉ tiêu', en: 'In catchment, school oversubscribed' },
  overflow: { vi: 'Thứ tự xếp sang trường cùng tuyến', en: 'Order of placing at another catchment school' },
  priority: { vi: 'Trái tuyến, theo nhóm ưu tiên', en: 'Out of catchment, by priority group' },
  return: { vi: 'Thứ tự trả về trường đúng tuyến', en: 'Order of return to a catchment school' },
};

function Facts({ lang, s }: { lang: Lang; s: PublicResults }): JSX.Element {
  return (
    <dl>
      <dt safe>{t(lang, r.commitment)}</dt>
      <dd>{s.commitment ? <code class="wrap" safe>{s.commitment}</code> : <span safe>{t(lang, r.noCommitment)}</span>}</dd>
      {s.committedAt ? (
        <>
          <dt safe>{t(lang, r.committedAt)}</dt>
          <dd>
            <ExactTime at={s.committedAt} />
          </dd>
        </>
      ) : (
        ''
      )}
      <dt safe>{t(lang, r.seed)}</dt>
      <dd>{s.seed ? <code class="wrap" id="seed" safe>{s.seed}</code> : <span safe>{t(lang, r.seedSecret)}</span>}</dd>
      {s.drawnAt ? (
        <>
          <dt safe>{t(lang, r.drawnAt)}</dt>
          <dd>
            <ExactTime at={s.drawnAt} />
          </dd>
          <dt safe>{t(lang, r.admitted)}</dt>
          <dd safe>{String(s.admitted ?? 0)}</dd>
          <dt safe>{t(lang, r.notAdmitted)}</dt>
          <dd safe>{String(s.notAdmitted ?? 0)}</dd>
        </>
      ) : (
        ''
      )}
    </dl>
  );
}

function Draws({ lang, s }: { lang: Lang; s: PublicResults }): JSX.Element {
  if (!s.drawnAt) return <></>;
  if (s.draws.length === 0) return <p safe>{t(lang, r.noDraws)}</p>;
  const base = `${PUBLIC_RESULTS}/${s.round.id}/boc-tham`;
  return (
    <CardsTable
      caption={t(lang, r.draws)}
      heads={[{ vi: 'Số', en: 'No.' }, r.stage, r.school, r.group, r.places, r.count, r.files].map((h) => t(lang, h))}
      rows={s.draws}
      cells={(d) => [
        { text: String(d.seq), header: true },
        t(lang, STAGE[d.stage]),
        d.schoolCode ?? '–',
        d.priorityGroup === null ? '–' : String(d.priorityGroup),
        d.places === null ? '–' : String(d.places),
        String(d.count),
        {
          html: (
            <>
              <a href={`${base}/${d.seq}/ho-so.txt`} safe>
                {`${t(lang, r.list)} ${d.seq}`}
              </a>
              {', '}
              <a href={`${base}/${d.seq}/ket-qua.txt`} safe>
                {`${t(lang, r.result)} ${d.seq}`}
              </a>
            </>
          ),
        },
      ]}
    />
  );
}

export function PublicResultsPage({ req, s }: { req: FastifyRequest; s: PublicResults }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={r.publicTitle}>
      <h1 safe>{t(lang, r.publicTitle)}</h1>
      <h2 safe>{lang === 'vi' ? s.round.name : s.round.nameEn}</h2>
      <Facts lang={lang} s={s} />
      <Draws lang={lang} s={s} />
      <h2 safe>{t(lang, r.verify)}</h2>
      <p safe>
        {t(lang, {
          vi: 'Kiểm tra hạt giống khớp mã cam kết: printf "%s" "<hạt giống>" | sha256sum. Tính lại một lượt bốc thăm: egov admission draw --seed <hạt giống> --applications ho-so.txt [--places N] --verify ket-qua.txt (tài liệu: docs/admission-lottery.md).',
          en: 'Check the seed against the commitment: printf "%s" "<seed>" | sha256sum. Recompute a draw: egov admission draw --seed <seed> --applications ho-so.txt [--places N] --verify ket-qua.txt (see docs/admission-lottery.md).',
        })}
      </p>
    </Page>
  );
}

export function OfficeResultsPage({ req, s, rounds, now, notice }: { req: FastifyRequest; s: PublicResults; rounds: Round[]; now: Date; notice: boolean }): JSX.Element {
  const lang = req.lang;
  const canCommit = !s.commitment && now < s.round.closesAt;
  const canRun = !!s.commitment && !s.drawnAt && now >= s.round.closesAt;
  return (
    <Page req={req} title={r.officeTitle}>
      <h1 safe>{t(lang, r.officeTitle)}</h1>
      <OfficeNav lang={lang} rounds={rounds} current={s.round.id} />
      {notice ? (
        <p class="notice" role="status" safe>
          {t(lang, r.done)}
        </p>
      ) : (
        ''
      )}
      <h2 safe>{lang === 'vi' ? s.round.name : s.round.nameEn}</h2>
      <Facts lang={lang} s={s} />
      {canCommit ? (
        <form method="post" action={`${OFFICE}/${s.round.id}/cam-ket`}>
          <CsrfField req={req} />
          <p safe>{t(lang, r.publishHint)}</p>
          <button type="submit" safe>
            {t(lang, r.publish)}
          </button>
        </form>
      ) : (
        ''
      )}
      {canRun ? (
        <form method="post" action={`${OFFICE}/${s.round.id}/xep-cho`}>
          <CsrfField req={req} />
          <p safe>{t(lang, r.runHint)}</p>
          <button type="submit" safe>
            {t(lang, r.run)}
          </button>
        </form>
      ) : (
        ''
      )}
      <Draws lang={lang} s={s} />
      <p>
        <a href={`${PUBLIC_RESULTS}/${s.round.id}`} safe>
          {t(lang, r.publicPage)}
        </a>
      </p>
    </Page>
  );
}
