/** The Zuora error category of a refusal: the last two digits of its first reason code (8 digits). */
export const category = (body: { reasons: { code: number }[] }) => body.reasons[0].code % 100;
