/** A deployment (or a test) may prefix every topic, e.g. `prod.` or a test run id. */
export const topicName = (prefix: string, logical: string): string => `${prefix}${logical}`;
