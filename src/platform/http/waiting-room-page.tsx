// The waiting page of the waiting room (waiting-room.ts): light (no menu, one stylesheet the browser already has),
// Vietnamese first with English beside it, the parent's place in the line, and an automatic retry. A page that was
// opened (GET) reloads itself with <meta http-equiv="refresh">; a form that was sent (POST) is sent again with
// every field the parent typed, as hidden inputs (the CSRF token and the idempotency key among them), by a tiny
// same-origin script, or by the button when the browser runs no script.
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The query parameter that pauses a waiting page's automatic reload. */
const PAUSE = '_wr_pause';

/** Answers `req` with the waiting page: 200, and for an opened page the `Refresh` header unless paused. */
export function sendWaitingPage(req: FastifyRequest, reply: FastifyReply, position: number, retryAfter: number): FastifyReply {
  const opened = req.method === 'GET' || req.method === 'HEAD';
  const address = new URL(req.url, 'http://x');
  const paused = opened && address.searchParams.get(PAUSE) === '1';
  address.searchParams.delete(PAUSE);
  const resumeUrl = address.pathname + address.search;
  address.searchParams.set(PAUSE, '1');
  const pauseUrl = address.pathname + address.search;
  // The HTTP form of <meta http-equiv="refresh">: the same reload without JavaScript, and no timed refresh in the
  // markup (axe's meta-refresh rule); the page offers to pause it (WCAG 2.1 SC 2.2.1).
  if (opened && !paused) reply.header('refresh', String(retryAfter));
  const fields = opened ? null : formFields(req.body);
  // 200: a page a person reads and that retries by itself, not an error (proxies must not swap it for theirs).
  return reply.status(200).type('text/html; charset=utf-8').send(WaitingPage({ position, retryAfter, url: req.url, fields, paused, pauseUrl, resumeUrl }));
}

/** A posted form's fields as name/value pairs, to be sent again from the waiting page. */
function formFields(body: unknown): [string, string][] {
  if (!body || typeof body !== 'object') return [];
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out.push([k, v]);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push([k, x]);
  }
  return out;
}

export interface WaitingPageProps {
  /** 0 when the parent has been called in and waits only for a free slot on this server. */
  position: number;
  retryAfter: number;
  /** The path and query the request went to (the form is sent there again). */
  url: string;
  /** The posted fields to send again; null for a GET. */
  fields: [string, string][] | null;
  /** GET only: the automatic reload is paused (`_wr_pause=1`); the page says how to resume. */
  paused: boolean;
  /** GET only: the same address with and without `_wr_pause=1`. */
  pauseUrl: string;
  resumeUrl: string;
}

const vnNumber = new Intl.NumberFormat('vi-VN');
const enNumber = new Intl.NumberFormat('en-GB');

export function WaitingPage({ position, retryAfter, url, fields, paused, pauseUrl, resumeUrl }: WaitingPageProps): string {
  const called = position <= 0;
  return (
    <>
      {'<!doctype html>'}
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          {fields ? <script src="/static/waiting-room.js" defer></script> : ''}
          <title>Đang chờ đến lượt – Waiting for your turn</title>
          <link rel="stylesheet" href="/static/style.css" />
        </head>
        <body>
          <main id="main" class="wrap narrow">
            <h1>
              Bạn đang trong hàng chờ <span lang="en">· You are in the waiting line</span>
            </h1>
            {called ? (
              <p class="waiting-place">
                <strong>Sắp đến lượt bạn.</strong> <span lang="en">You are next.</span>
              </p>
            ) : (
              <p class="waiting-place">
                Vị trí của bạn: <strong safe>{vnNumber.format(position)}</strong>{' '}
                <span lang="en">
                  · Your place in the line: <strong safe>{enNumber.format(position)}</strong>
                </span>
              </p>
            )}
            <p>
              Hệ thống đang nhận rất nhiều yêu cầu cùng lúc. Chỗ của bạn được giữ theo thứ tự đến, không phụ thuộc tốc độ mạng;
              xin đừng đóng trang này.{' '}
              {paused ? (
                'Trang đang tạm dừng tự thử lại.'
              ) : (
                <>
                  Trang sẽ tự thử lại sau <span safe>{String(retryAfter)}</span> giây{fields ? ', gửi lại đúng những gì bạn đã nhập.' : '.'}
                </>
              )}
            </p>
            <p lang="en">
              The service is receiving a great many requests at once. Your place is kept in order of arrival, whatever your
              connection; please keep this page open.{' '}
              {paused ? (
                'Trying again by itself is paused.'
              ) : (
                <>
                  It tries again by itself in <span safe>{String(retryAfter)}</span> seconds{fields ? ', sending exactly what you entered.' : '.'}
                </>
              )}
            </p>
            {fields ? (
              <form method="post" action={url} data-retry={String(retryAfter)}>
                {fields.map(([name, value]) => (
                  <input type="hidden" name={name} value={value} />
                ))}
                <noscript>
                  <p>
                    Trình duyệt không chạy JavaScript: hãy bấm nút dưới đây sau <span safe>{String(retryAfter)}</span> giây.{' '}
                    <span lang="en">
                      Your browser runs no JavaScript: press the button below in <span safe>{String(retryAfter)}</span> seconds.
                    </span>
                  </p>
                </noscript>
                <button type="submit">
                  Gửi lại ngay <span lang="en">· Send again now</span>
                </button>{' '}
                <button type="button" class="secondary" data-pause hidden>
                  Tạm dừng tự gửi lại <span lang="en">· Pause sending again</span>
                </button>
              </form>
            ) : (
              <p>
                <a href={paused ? resumeUrl : url}>
                  Thử lại ngay <span lang="en">· Try again now</span>
                </a>
                {' · '}
                {paused ? (
                  <a href={resumeUrl}>
                    Bật lại tự thử lại <span lang="en">· Resume trying again by itself</span>
                  </a>
                ) : (
                  <a href={pauseUrl}>
                    Tạm dừng tự thử lại <span lang="en">· Pause trying again by itself</span>
                  </a>
                )}
              </p>
            )}
          </main>
        </body>
      </html>
    </>
  ) as string;
}
