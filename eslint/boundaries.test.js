// The boundary rule catches what it must and lets the allowed imports through (run by `npm run lint`).
import { describe, it } from 'node:test';
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { boundariesPlugin } from './boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const at = (p) => path.join(process.cwd(), p);
const rule = boundariesPlugin.rules['module-boundaries'];

tester.run('module-boundaries', rule, {
  valid: [
    { filename: at('src/modules/backoffice/workflow/engine.ts'), code: "import { submitDossier } from '../../dossiers/index.ts';" },
    { filename: at('src/modules/backoffice/workflow/engine.ts'), code: "import { caseRepo } from './repo.ts';" },
    { filename: at('src/modules/quality/service.ts'), code: "import type { Agency } from '../units/index.ts';" },
    { filename: at('src/modules/backoffice/office/book.test.ts'), code: "import { PROC } from '../../dossiers/testing.ts';" },
    { filename: at('src/modules/quality/testing.ts'), code: "import { seedTestProcedures } from '../dossiers/testing.ts';" },
    { filename: at('src/platform/db/settings.test.ts'), code: "import { testDatabase } from '../testing/database.ts';" },
    { filename: at('src/testing/app.ts'), code: "import { buildApp } from '../app.ts';" },
    { filename: at('src/modules/index.ts'), code: "import { dossiersModule } from './dossiers/index.ts';" },
    { filename: at('src/modules/dossiers/pages.test.ts'), code: "import { testApp } from '../../testing/app.ts';" },
    { filename: at('src/platform/http/server.ts'), code: "import fastify from 'fastify';" },
  ],
  invalid: [
    { filename: at('src/modules/backoffice/workflow/engine.ts'), code: "import { dossierDb } from '../../dossiers/tables.ts';", errors: [{ messageId: 'boundary' }] },
    { filename: at('src/modules/quality/repo.ts'), code: "import type { DossierDb } from '../dossiers/tables.ts';", errors: [{ messageId: 'boundary' }] },
    { filename: at('src/modules/backoffice/index.ts'), code: "export { submitDossier } from '../dossiers/submit.ts';", errors: [{ messageId: 'boundary' }] },
    { filename: at('src/modules/backoffice/routes.ts'), code: "const m = await import('../quality/service.ts');", errors: [{ messageId: 'boundary' }] },
    // Only tests and fixtures may reach another module's fixtures.
    { filename: at('src/modules/backoffice/workflow/engine.ts'), code: "import { PROC } from '../../dossiers/testing.ts';", errors: [{ messageId: 'boundary' }] },
    { filename: at('src/modules/backoffice/office/book.test.ts'), code: "import { row } from '../../dossiers/repo.ts';", errors: [{ messageId: 'boundary' }] },
    { filename: at('src/platform/http/server.ts'), code: "import { modules } from '../../modules/index.ts';", errors: [{ messageId: 'boundary' }] },
    { filename: at('src/platform/http/server.test.ts'), code: "import { testApp } from '../../testing/app.ts';", errors: [{ messageId: 'boundary' }] },
    { filename: at('src/platform/jobs/index.ts'), code: "import { buildApp } from '../../app.ts';", errors: [{ messageId: 'boundary' }] },
    { filename: at('src/platform/config.ts'), code: "import { main } from '../cli/index.ts';", errors: [{ messageId: 'boundary' }] },
  ],
});
