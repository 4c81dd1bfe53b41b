// Schemas every part of the API uses: ids, issues, error bodies, townships. Importing it
// configures zod's Chinese messages (./zod-zh) for the server and the page.
import { z } from 'zod';
import './zod-zh';

export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: '编号只能使用小写字母、数字和短横线（不超过 63 个字符）' });

export const issueSchema = z.object({
  code: z.string(),
  num: z.number(),
  severity: z.enum(['error', 'warning', 'info']),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  message: z.string(),
});

/** Every non-2xx JSON body. `issues` is set for 422 (the workbook's problems). */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(issueSchema).optional() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const townshipSchema = z.object({ id: idSchema, name: z.string().min(1) });
