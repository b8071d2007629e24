import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from '../../contract/uploads.ts';

// Upload an external PDF to a debit memo (docs/zuora/api-digest.md §4.19): PDF only, at most 4 MB. Checked in the
// browser so a 40 MB file is refused before a single byte is sent.

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export const isPdf = (file: File) => file.type === 'application/pdf' || (file.type === '' && /\.pdf$/i.test(file.name));

export const uploadFileFormSchema = z.object({
  file: z
    .custom<File | null>((v) => v === null || v instanceof File)
    .superRefine((file, ctx) => {
      if (!file) ctx.addIssue({ code: 'custom', message: 'Choose a PDF file' });
      else if (!isPdf(file))
        ctx.addIssue({ code: 'custom', message: `${file.name} is not a PDF: only PDF files can be uploaded` });
      else if (file.size > MAX_UPLOAD_BYTES)
        ctx.addIssue({ code: 'custom', message: `${file.name} is ${megabytes(file.size)}; the limit is 4 MB` });
      else if (file.size === 0) ctx.addIssue({ code: 'custom', message: `${file.name} is empty` });
    }),
});
export type UploadFileFormValues = z.infer<typeof uploadFileFormSchema>;
