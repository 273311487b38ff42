/** The `rule` of the coded error a call throws ('no error' if it returns): unit specs assert rules, not messages. */
export const ruleOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { details: { rule: string } }).details.rule;
  }
  return 'no error';
};
