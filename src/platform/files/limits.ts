// Size limits of uploaded attachments. Read from the environment once (EGOV_MAX_FILE_MB per file, EGOV_MAX_UPLOAD_MB
// for all files of one submission); a wrong value stops the start with one line naming the variable.
import { z } from 'zod';

export interface FileLimits {
  /** Largest accepted file, in bytes. */
  maxFileBytes: number;
  /** Largest total of the files of one submission, in bytes. */
  maxTotalBytes: number;
  /** Most files in one submission. */
  maxFiles: number;
}

const MB = 1024 * 1024;
const Env = z.object({
  EGOV_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(10),
  EGOV_MAX_UPLOAD_MB: z.coerce.number().positive().max(4096).default(30),
  EGOV_MAX_FILES: z.coerce.number().int().min(1).max(200).default(20),
});

export function fileLimitsFrom(env: NodeJS.ProcessEnv = process.env): FileLimits {
  const blankless = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('EGOV_MAX_') && v !== undefined && v !== ''));
  const parsed = Env.safeParse(blankless);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'EGOV_MAX_FILE_MB');
    throw new Error(`${name}=${JSON.stringify(env[name] ?? '')} is not valid: expected ${issue?.message ?? 'a positive number'}`);
  }
  const e = parsed.data;
  return {
    maxFileBytes: Math.floor(e.EGOV_MAX_FILE_MB * MB),
    maxTotalBytes: Math.floor(Math.max(e.EGOV_MAX_UPLOAD_MB, e.EGOV_MAX_FILE_MB) * MB),
    maxFiles: e.EGOV_MAX_FILES,
  };
}
