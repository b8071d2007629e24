// Fixed reference data of the sandbox tenant: currencies, accounting codes, reason codes and the
// customers' names. Values follow Zuora's enums (docs/zuora/api-digest.md §8.6, §7.3; docs/zuora/ui-inventory.md §4.6).

export const CURRENCIES: readonly { code: string; decimals: number }[] = [
  { code: 'USD', decimals: 2 },
  { code: 'EUR', decimals: 2 },
  { code: 'GBP', decimals: 2 },
  { code: 'JPY', decimals: 0 },
  { code: 'KWD', decimals: 3 },
  { code: 'CAD', decimals: 2 },
];

export interface AccountingCodeDef {
  name: string;
  type: string;
  category: string;
  status?: 'Active' | 'Inactive';
  glAccountNumber: string;
}

export const ACCOUNTING_CODES: readonly AccountingCodeDef[] = [
  { name: 'Accounts Receivable', type: 'AccountsReceivable', category: 'Assets', glAccountNumber: '1200' },
  { name: 'Cash', type: 'Cash', category: 'Assets', glAccountNumber: '1000' },
  { name: 'Bank Account - Operating', type: 'Cash', category: 'Assets', glAccountNumber: '1010' },
  { name: 'Customer Cash on Account', type: 'CustomerCashOnAccount', category: 'Liabilities', glAccountNumber: '2150' },
  { name: 'Deferred Revenue', type: 'DeferredRevenue', category: 'Liabilities', glAccountNumber: '2400' },
  { name: 'Deferred Services Revenue', type: 'DeferredRevenue', category: 'Liabilities', glAccountNumber: '2410' },
  { name: 'Subscription Revenue', type: 'SalesRevenue', category: 'Revenue', glAccountNumber: '4000' },
  { name: 'Services Revenue', type: 'SalesRevenue', category: 'Revenue', glAccountNumber: '4100' },
  { name: 'Usage Revenue', type: 'SalesRevenue', category: 'Revenue', glAccountNumber: '4200' },
  { name: 'Other Revenue', type: 'OtherRevenue', category: 'Revenue', glAccountNumber: '4900' },
  { name: 'Sales Discounts', type: 'SalesDiscounts', category: 'Revenue', glAccountNumber: '4950' },
  { name: 'Sales Tax Payable', type: 'SalesTaxPayable', category: 'Liabilities', glAccountNumber: '2200' },
  { name: 'VAT Payable', type: 'SalesTaxPayable', category: 'Liabilities', glAccountNumber: '2210' },
  { name: 'Bad Debt Expense', type: 'BadDebt', category: 'Expenses', glAccountNumber: '6100' },
  { name: 'Legacy Bad Debt', type: 'BadDebt', category: 'Expenses', status: 'Inactive', glAccountNumber: '6190' },
  { name: 'Write-off Expense', type: 'OtherExpenses', category: 'Expenses', glAccountNumber: '6200' },
];

/** Zuora's pre-populated reason codes per transaction type; the first of each list is the default. */
export const REASON_CODES: Readonly<Record<string, readonly string[]>> = {
  CreditMemo: [
    'Correcting Invoice Error',
    'Ad hoc Credit',
    'Charge Dispute',
    'Invoice Reversal',
    'Negative Periodic Charges',
    'Service Unavailable',
    'Unsatisfactory Service',
    'Write-off',
  ],
  DebitMemo: ['Correcting Invoice Error', 'Ad hoc Debit', 'Charge Dispute', 'Credit memo reversal', 'Write-off'],
  CreditMemoRefund: ['Standard Refund', 'Account Closure', 'Customer Request', 'Other'],
  PaymentRefund: [
    'Standard Refund',
    'Customer Satisfaction',
    'Chargeback',
    'Payment Rejection',
    'Payment Reversal',
    'Other',
  ],
};
/** One inactive code, so pickers can be shown to hide it. */
export const INACTIVE_REASON_CODES: readonly { transactionType: string; name: string }[] = [
  { transactionType: 'CreditMemo', name: 'Legacy Goodwill Credit' },
];

export interface AccountDef {
  name: string;
  currency: string;
  contact: [first: string, last: string, city: string, country: string];
}

export const ACCOUNTS: readonly AccountDef[] = [
  { name: 'Acme Corporation', currency: 'USD', contact: ['Alice', 'Nguyen', 'San Francisco', 'United States'] },
  { name: 'Globex Industries', currency: 'USD', contact: ['Bruno', 'Keller', 'Chicago', 'United States'] },
  { name: 'Initech LLC', currency: 'USD', contact: ['Carla', 'Mendes', 'Austin', 'United States'] },
  { name: 'Umbrella Health', currency: 'USD', contact: ['Daniel', 'Okafor', 'Boston', 'United States'] },
  { name: 'Stark Logistics', currency: 'USD', contact: ['Elena', 'Petrova', 'Seattle', 'United States'] },
  { name: 'Wayne Analytics', currency: 'USD', contact: ['Farid', 'Haddad', 'New York', 'United States'] },
  { name: 'Hooli Cloud Services', currency: 'USD', contact: ['Grace', 'Kim', 'Palo Alto', 'United States'] },
  { name: 'Vandelay Imports', currency: 'USD', contact: ['Henry', 'Walsh', 'Newark', 'United States'] },
  { name: 'Soylent Foods', currency: 'USD', contact: ['Ines', 'Duarte', 'Denver', 'United States'] },
  { name: 'Massive Dynamic', currency: 'USD', contact: ['Jamal', 'Reed', 'Atlanta', 'United States'] },
  { name: 'Blue Harbor Marine', currency: 'USD', contact: ['Kara', 'Lindqvist', 'Miami', 'United States'] },
  { name: 'Northwind Traders', currency: 'CAD', contact: ['Liam', 'Tremblay', 'Montreal', 'Canada'] },
  { name: 'Maple Leaf Media', currency: 'CAD', contact: ['Maya', 'Singh', 'Toronto', 'Canada'] },
  { name: 'Contoso GmbH', currency: 'EUR', contact: ['Niklas', 'Bauer', 'Berlin', 'Germany'] },
  { name: 'Fabrikam SARL', currency: 'EUR', contact: ['Odile', 'Laurent', 'Lyon', 'France'] },
  { name: 'Rotterdam Shipping BV', currency: 'EUR', contact: ['Pieter', 'de Vries', 'Rotterdam', 'Netherlands'] },
  { name: 'Iberia Solar SL', currency: 'EUR', contact: ['Quim', 'Puig', 'Barcelona', 'Spain'] },
  { name: 'Thames Valley Retail', currency: 'GBP', contact: ['Rosie', 'Clarke', 'Reading', 'United Kingdom'] },
  { name: 'Highland Whisky Co', currency: 'GBP', contact: ['Stuart', 'MacLeod', 'Inverness', 'United Kingdom'] },
  { name: 'Oxford Learning Ltd', currency: 'GBP', contact: ['Tara', 'Patel', 'Oxford', 'United Kingdom'] },
  { name: 'Sakura Robotics KK', currency: 'JPY', contact: ['Takeshi', 'Yamamoto', 'Tokyo', 'Japan'] },
  { name: 'Kyoto Textiles', currency: 'JPY', contact: ['Yui', 'Tanaka', 'Kyoto', 'Japan'] },
  { name: 'Osaka Precision Parts', currency: 'JPY', contact: ['Haruto', 'Sato', 'Osaka', 'Japan'] },
  { name: 'Gulf Petro Services', currency: 'KWD', contact: ['Yousef', 'Al-Sabah', 'Kuwait City', 'Kuwait'] },
  { name: 'Zenith Consulting', currency: 'USD', contact: ['Zoe', 'Fischer', 'Portland', 'United States'] },
];

/** The seeded dataset is dated relative to this fixed anchor, so the same seed gives the same data. */
export const SEED_ANCHOR = { first: '2026-01-01', last: '2026-11-20' } as const;
export const SEED_USER_ID = 'a0000000000000000000000000000001';
