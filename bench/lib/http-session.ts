// A signed-in visitor of a server running in its own process, over real HTTP (fetch): it keeps the cookies it is
// given, takes the CSRF token from the sign-in page (and solves its proof-of-work challenge when the page has one,
// as /static/altcha.js does in a browser), and signs in with the form as a person would.
import { decodeChallenge, solveChallenge } from '../../src/platform/auth/pow.ts';

export interface HttpSession {
  get(path: string): Promise<Response>;
}

/** Signs in `username` through POST /dang-nhap; throws when the server does not answer with a signed-in redirect. */
export async function signInOverHttp(base: string, username: string, password: string): Promise<HttpSession> {
  const cookies = new Map<string, string>();
  const keep = (res: Response): void => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0\b/i.test(c)) cookies.delete(name);
      else cookies.set(name, value);
    }
  };
  const cookie = (): string => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const get = async (path: string): Promise<Response> => {
    const res = await fetch(`${base}${path}`, { headers: { cookie: cookie() }, redirect: 'manual' });
    keep(res);
    return res;
  };
  const page = await (await get('/dang-nhap')).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error('no CSRF token on /dang-nhap');
  const form = new URLSearchParams({ _csrf: token, identifier: username, password });
  const challenge = /name="altcha_challenge" value="([^"]+)"/.exec(page)?.[1];
  if (challenge) {
    form.set('altcha_challenge', challenge);
    form.set('altcha_number', String(solveChallenge(decodeChallenge(challenge))));
  }
  const res = await fetch(`${base}/dang-nhap`, {
    method: 'POST',
    headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  keep(res);
  const to = res.headers.get('location') ?? '';
  if (res.status !== 303) throw new Error(`${username} could not sign in: ${res.status}`);
  // Two-step verification (EGOV_2FA_ROLES) is not for the signal engineer by default; the bench does not type codes.
  if (to.startsWith('/dang-nhap/xac-thuc')) throw new Error(`${username} is asked for the second step (EGOV_2FA_ROLES): run the bench without it`);
  return { get };
}
