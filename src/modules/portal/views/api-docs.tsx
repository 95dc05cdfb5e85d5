// A readable page of the OpenAPI document, rendered on the server (no JavaScript).
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { portal as m } from '../messages.ts';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: { type?: string } }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}
export interface OpenApiDoc {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function anchor(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '');
}

export function ApiDocsPage({ req, doc }: { req: FastifyRequest; doc: OpenApiDoc }): JSX.Element {
  const lang = req.lang;
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((mth) => item[mth]).map((mth) => ({ path, method: mth, op: item[mth] as Operation })),
  );
  return (
    <Page req={req} title={m.apiTitle}>
      <h1 safe>{t(lang, m.apiTitle)}</h1>
      <p safe>{t(lang, m.apiIntro)}</p>
      <p>
        <a href="/api/openapi.json" safe>
          {t(lang, m.apiDownload)}
        </a>
      </p>
      <h2 safe>{t(lang, m.apiAuthTitle)}</h2>
      <p safe>{t(lang, m.apiAuthText)}</p>
      <pre>
        <code>{'curl -X POST -H "content-type: application/json" \\\n  -d \'{"username":"…","password":"…"}\' /api/v1/auth/token'}</code>
      </pre>
      <h2 safe>{t(lang, m.apiOperations)}</h2>
      <ul>
        {ops.map(({ path, method, op }) => (
          <li>
            <a href={`#${anchor(method, path)}`}>
              <code safe>{`${method.toUpperCase()} ${path}`}</code>
            </a>{' '}
            <span safe>{op.summary ?? ''}</span>
          </li>
        ))}
      </ul>
      {ops.map(({ path, method, op }) => (
        <section class="api-op" id={anchor(method, path)}>
          <h3>
            <code safe>{`${method.toUpperCase()} ${path}`}</code>
          </h3>
          {op.summary ? <p safe>{op.summary}</p> : ''}
          {op.description ? <p safe>{op.description}</p> : ''}
          {op.security?.length ? <p class="muted" safe>{t(lang, m.apiNeedsToken)}</p> : ''}
          {op.parameters?.length ? (
            <table>
              <caption safe>{t(lang, m.apiParams)}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t(lang, m.apiName)}</th>
                  <th scope="col" safe>{t(lang, m.apiIn)}</th>
                  <th scope="col" safe>{t(lang, m.apiType)}</th>
                  <th scope="col" safe>{t(lang, m.apiRequired)}</th>
                  <th scope="col" safe>{t(lang, m.apiDescription)}</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr>
                    <td>
                      <code safe>{p.name}</code>
                    </td>
                    <td safe>{p.in}</td>
                    <td safe>{p.schema?.type ?? ''}</td>
                    <td safe>{p.required ? t(lang, m.yes) : t(lang, m.no)}</td>
                    <td safe>{p.description ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            ''
          )}
          {op.requestBody?.content?.['application/json']?.schema ? (
            <details>
              <summary safe>{t(lang, m.apiBody)}</summary>
              <pre>
                <code safe>{JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)}</code>
              </pre>
            </details>
          ) : (
            ''
          )}
          <p class="muted">
            <span safe>{t(lang, m.apiResponses)}</span>:{' '}
            <span safe>
              {Object.entries(op.responses ?? {})
                .map(([code, r]) => `${code}${r.description ? ` (${r.description})` : ''}`)
                .join(', ')}
            </span>
          </p>
        </section>
      ))}
    </Page>
  );
}
