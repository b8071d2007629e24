import { z } from 'zod';
import type { EmailMemoRequest } from '../../contract/memo-requests.ts';

// Email a Posted memo (docs/zuora/api-digest.md §4.22): comma-separated addresses, unless the template's "To" is
// used, in which case Zuora ignores typed addresses.

const EMAIL_RE = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

export const splitAddresses = (s: string) =>
  s
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

export const emailFormSchema = z
  .object({
    emailAddresses: z.string().max(2000, 'At most 2,000 characters of addresses'),
    useEmailTemplateSetting: z.boolean(),
    includeAdditionalEmailAddresses: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.useEmailTemplateSetting) return;
    const addresses = splitAddresses(v.emailAddresses);
    if (addresses.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['emailAddresses'],
        message: 'Enter at least one email address, or use the email template setting',
      });
      return;
    }
    const bad = addresses.filter((a) => !EMAIL_RE.test(a));
    if (bad.length)
      ctx.addIssue({
        code: 'custom',
        path: ['emailAddresses'],
        message: `Not a valid email address: ${bad.join(', ')}`,
      });
  });
export type EmailFormValues = z.infer<typeof emailFormSchema>;

export function emailRequest(v: EmailFormValues): EmailMemoRequest {
  return v.useEmailTemplateSetting
    ? { useEmailTemplateSetting: true, includeAdditionalEmailAddresses: v.includeAdditionalEmailAddresses }
    : {
        emailAddresses: splitAddresses(v.emailAddresses).join(','),
        useEmailTemplateSetting: false,
        includeAdditionalEmailAddresses: v.includeAdditionalEmailAddresses,
      };
}
