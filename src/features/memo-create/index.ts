import { lazy } from 'react';

// The create forms' public surface: one lazily loaded page per way of creating, so the list route does not carry
// the forms or their date pickers.
export const StandalonePage = lazy(() => import('./standalone-page.tsx'));
export const FromInvoicePage = lazy(() => import('./from-invoice-page.tsx'));
export const BulkCreatePage = lazy(() => import('./bulk-create-page.tsx'));
